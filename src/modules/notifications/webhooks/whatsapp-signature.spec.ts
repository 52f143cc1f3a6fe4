import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { isValidHubSignature } from './whatsapp-signature';

const SECRET = 'app-secret-0123456789';
const BODY = Buffer.from('{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[]}]}');
const hex = (body: Buffer, secret = SECRET) => createHmac('sha256', secret).update(body).digest('hex');

describe("Meta's X-Hub-Signature-256", () => {
  it('verifies sha256=<hex HMAC-SHA256 of the raw body with the app secret>, hex in either case', () => {
    assert.equal(isValidHubSignature(SECRET, `sha256=${hex(BODY)}`, BODY), true);
    assert.equal(isValidHubSignature(SECRET, `sha256=${hex(BODY).toUpperCase()}`, BODY), true);
  });

  it('refuses another secret, another body, and anything malformed', () => {
    assert.equal(isValidHubSignature(SECRET, `sha256=${hex(BODY, 'other-secret')}`, BODY), false);
    assert.equal(isValidHubSignature(SECRET, `sha256=${hex(BODY)}`, Buffer.concat([BODY, Buffer.from(' ')])), false);
    for (const header of ['', hex(BODY), `sha1=${hex(BODY)}`, `sha256=${hex(BODY).slice(2)}`, 'sha256=zz', `sha256=${hex(BODY)}00`])
      assert.equal(isValidHubSignature(SECRET, header, BODY), false, header);
  });
});
