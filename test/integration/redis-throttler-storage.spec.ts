import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import Redis from 'ioredis';
import { RedisThrottlerStorage } from '../../src/infra/throttle/redis-throttler.storage';

describe('Redis rate-limit storage (shared between API instances)', () => {
  let a: RedisThrottlerStorage;
  let b: RedisThrottlerStorage;
  const url = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  before(() => {
    a = new RedisThrottlerStorage(new Redis(url));
    b = new RedisThrottlerStorage(new Redis(url));
  });
  after(async () => {
    await a.close();
    await b.close();
  });

  it('counts hits across connections, blocks past the limit, and reports the wait', async () => {
    const key = `test-${randomBytes(6).toString('hex')}`;
    const hits = [];
    for (let i = 0; i < 3; i++) hits.push(await (i % 2 ? b : a).increment(key, 60_000, 3, 30_000, 'login'));
    assert.deepEqual(
      hits.map((h) => [h.totalHits, h.isBlocked]),
      [
        [1, false],
        [2, false],
        [3, false],
      ],
    );
    assert.ok(hits[0].timeToExpire > 0 && hits[0].timeToExpire <= 60);
    const blocked = await b.increment(key, 60_000, 3, 30_000, 'login');
    assert.equal(blocked.isBlocked, true);
    assert.ok(blocked.timeToBlockExpire > 0 && blocked.timeToBlockExpire <= 30);
    assert.equal((await a.increment(key, 60_000, 3, 30_000, 'login')).isBlocked, true, 'stays blocked for everyone');
    const other = await a.increment(`${key}-other`, 60_000, 3, 30_000, 'login');
    assert.equal(other.totalHits, 1, 'keys are independent');
  });

  it('lets a short window expire', async () => {
    const key = `test-${randomBytes(6).toString('hex')}`;
    await a.increment(key, 200, 1, 200, 'default');
    assert.equal((await a.increment(key, 200, 1, 200, 'default')).isBlocked, true);
    await new Promise((r) => setTimeout(r, 450));
    const fresh = await a.increment(key, 200, 1, 200, 'default');
    assert.deepEqual([fresh.totalHits, fresh.isBlocked], [1, false]);
  });
});
