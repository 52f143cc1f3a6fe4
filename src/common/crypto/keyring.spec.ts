import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { Keyring, keyIdOf, parseEncryptionKey } from './keyring';

describe('keyring', () => {
  const a = randomBytes(32);
  const b = randomBytes(32);

  it('reads a 32-byte key as hex, base64 or base64url and refuses anything else', () => {
    assert.deepEqual(parseEncryptionKey(a.toString('hex')), a);
    assert.deepEqual(parseEncryptionKey(a.toString('base64')), a);
    assert.deepEqual(parseEncryptionKey(a.toString('base64url')), a);
    for (const bad of ['', 'short', randomBytes(31).toString('hex'), randomBytes(33).toString('base64'), 'x'.repeat(64)])
      assert.equal(parseEncryptionKey(bad), null, bad);
  });

  it('seals under the current key with its id, never the same text twice, and opens it', () => {
    const ring = new Keyring(a);
    const one = ring.seal('secret-value');
    assert.match(one, new RegExp(`^k1\\.${keyIdOf(a)}\\.v1\\.`));
    assert.ok(!one.includes('secret-value'));
    assert.notEqual(ring.seal('secret-value'), one);
    assert.equal(ring.open(one), 'secret-value');
    assert.ok(ring.isCurrent(one));
  });

  it('after a rotation opens what the retired key sealed and tells it is not current', () => {
    const old = new Keyring(a).seal('v');
    const rotated = new Keyring(b, [a]);
    assert.equal(rotated.open(old), 'v');
    assert.equal(rotated.isCurrent(old), false);
    assert.ok(rotated.isCurrent(rotated.seal('v')));
  });

  it('opens nothing sealed under a key it does not hold, altered, or not its format', () => {
    const ring = new Keyring(b);
    assert.equal(ring.open(new Keyring(a).seal('v')), null);
    const sealed = ring.seal('v');
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + sealed.slice(-1);
    assert.equal(ring.open(tampered), null);
    assert.equal(ring.open(`k1.${keyIdOf(a)}.${sealed.split('.').slice(2).join('.')}`), null, 'relabelled under another id');
    assert.equal(ring.open('v1.abc'), null);
    assert.equal(ring.open('plain'), null);
  });

  it('fromConfig names the variable of a bad key', () => {
    assert.throws(() => Keyring.fromConfig('nope', undefined), /ENCRYPTION_KEY/);
    assert.throws(() => Keyring.fromConfig(a.toString('hex'), `${b.toString('hex')}, bad`), /ENCRYPTION_KEYS_RETIRED/);
    assert.equal(Keyring.fromConfig(a.toString('hex'), ` ${b.toString('base64')} `).open(new Keyring(b).seal('x')), 'x');
  });
});
