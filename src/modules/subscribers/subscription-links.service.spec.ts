import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, it } from 'node:test';
import type { AppConfig } from '../../infra/config/app-config';
import { SubscriberChannel } from './entities/subscriber.entity';
import { SubscriptionLinks, TokenPurpose } from './subscription-links.service';

const config = (secret: string) => ({ get: () => secret }) as unknown as AppConfig;
const tokens = new SubscriptionLinks(config('x'.repeat(40)));
const claims = {
  purpose: TokenPurpose.unsubscribe,
  channel: SubscriberChannel.email,
  businessId: randomUUID(),
  subscriberId: randomUUID(),
  expiresAt: 0,
};

describe('SubscriptionLinks', () => {
  it('round-trips the claims in a 74-character URL-safe token', () => {
    const token = tokens.sign(claims, 'dana@example.co.il');
    assert.match(token, /^[A-Za-z0-9_-]{74}$/);
    const read = tokens.read(token, TokenPurpose.unsubscribe)!;
    assert.deepEqual({ ...read, raw: undefined }, { ...claims, raw: undefined });
    assert.equal(tokens.verify(read, 'dana@example.co.il'), true);
  });

  it('fails verification for another address, another secret, or a flipped bit', () => {
    const token = tokens.sign(claims, 'dana@example.co.il');
    const read = tokens.read(token, TokenPurpose.unsubscribe)!;
    assert.equal(tokens.verify(read, 'other@example.co.il'), false);
    assert.equal(new SubscriptionLinks(config('y'.repeat(40))).verify(read, 'dana@example.co.il'), false);
    const raw = Buffer.from(token, 'base64url');
    raw[20] ^= 1; // another subscriber id
    const forged = tokens.read(raw.toString('base64url'), TokenPurpose.unsubscribe)!;
    assert.equal(tokens.verify(forged, 'dana@example.co.il'), false);
  });

  it('reads nothing from a token of another purpose or a malformed one', () => {
    const token = tokens.sign(claims, 'dana@example.co.il');
    assert.equal(tokens.read(token, TokenPurpose.confirm), null);
    assert.equal(tokens.read(token.slice(1), TokenPurpose.unsubscribe), null);
    assert.equal(tokens.read('not a token', TokenPurpose.unsubscribe), null);
  });
});
