import assert from 'node:assert/strict';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { parseP256PublicKey } from '../../../common/crypto/ec-public-key';
import { isValidSendGridSignature } from './sendgrid-signature';

const keys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const base64Der = keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
const sign = (timestamp: string, body: string) =>
  createSign('sha256')
    .update(timestamp + body)
    .sign(keys.privateKey)
    .toString('base64');

describe('SendGrid event signatures', () => {
  const key = parseP256PublicKey(base64Der)!;
  const body = Buffer.from('[{"email":"dana@example.co.il","event":"delivered","sg_event_id":"abc"}]\r\n');
  const timestamp = '1767225600';

  it('reads the verification key as SendGrid shows it (base64 DER), or as PEM, and only P-256', () => {
    assert.ok(key);
    assert.ok(parseP256PublicKey(keys.publicKey.export({ type: 'spki', format: 'pem' }) as string));
    assert.ok(parseP256PublicKey(` ${base64Der.slice(0, 40)}\n${base64Der.slice(40)} `), 'line breaks in a pasted key');
    assert.equal(
      parseP256PublicKey(
        generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      ),
      null,
    );
    assert.equal(
      parseP256PublicKey(generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' }).toString('base64')),
      null,
    );
    assert.equal(parseP256PublicKey('not a key'), null);
    assert.equal(parseP256PublicKey('AAAA'), null);
  });

  it('verifies the timestamp followed by the exact body bytes', () => {
    const signature = sign(timestamp, body.toString('utf8'));
    assert.equal(isValidSendGridSignature(key, signature, timestamp, body), true);
    assert.equal(isValidSendGridSignature(key, signature, '1767225601', body), false, 'another timestamp');
    assert.equal(isValidSendGridSignature(key, signature, timestamp, Buffer.from(body.toString('utf8').trimEnd())), false, 'other bytes');
    const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const forged = createSign('sha256')
      .update(timestamp + body.toString('utf8'))
      .sign(other.privateKey)
      .toString('base64');
    assert.equal(isValidSendGridSignature(key, forged, timestamp, body), false, 'another key');
  });

  it('refuses what is not a signature without throwing', () => {
    for (const garbage of ['', 'AAAA', 'bm90IGEgc2lnbmF0dXJl', '!!!', 'MEUCIQ'.repeat(20)]) {
      assert.equal(isValidSendGridSignature(key, garbage, timestamp, body), false, garbage);
    }
  });
});
