import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { newEndpointSecret, signatureHeader } from './webhook-signature';

describe('webhook signature', () => {
  it('is t=<seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>, one v1 per secret', () => {
    const body = JSON.stringify({ id: 'e1', type: 'customer.created', data: { name: 'דנה' } });
    const [a, b] = [newEndpointSecret(), newEndpointSecret()];
    const header = signatureHeader([a, b], 1_764_900_000, body);
    const expected = (s: string) => createHmac('sha256', s).update(`1764900000.${body}`).digest('hex');
    assert.equal(header, `t=1764900000,v1=${expected(a)},v1=${expected(b)}`);
  });

  it('makes secrets that are whsec_ and 43 base64url characters, never twice the same', () => {
    const s = newEndpointSecret();
    assert.match(s, /^whsec_[A-Za-z0-9_-]{43}$/);
    assert.notEqual(s, newEndpointSecret());
  });
});
