import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryThrottlerStorage } from './memory-throttler.storage';

describe('in-memory rate-limit storage', () => {
  it('counts hits in a window, blocks past the limit with the wait, and starts over when the window rolls', async () => {
    let now = 1_000_000;
    const storage = new MemoryThrottlerStorage(() => now);
    for (let i = 1; i <= 3; i++) {
      const r = await storage.increment('client', 60_000, 3, 0, 'default');
      assert.deepEqual([r.totalHits, r.isBlocked], [i, false]);
    }
    const blocked = await storage.increment('client', 60_000, 3, 0, 'default');
    assert.equal(blocked.isBlocked, true);
    assert.equal(blocked.timeToBlockExpire, 60);
    now += 30_000;
    const still = await storage.increment('client', 60_000, 3, 0, 'default');
    assert.deepEqual([still.isBlocked, still.timeToBlockExpire, still.totalHits], [true, 30, 4]);
    now += 30_001;
    const fresh = await storage.increment('client', 60_000, 3, 0, 'default');
    assert.deepEqual([fresh.totalHits, fresh.isBlocked, fresh.timeToExpire], [1, false, 60]);
  });

  it('keeps separate counters per throttler name and per key', async () => {
    const storage = new MemoryThrottlerStorage();
    await storage.increment('a', 60_000, 10, 0, 'default');
    await storage.increment('a', 60_000, 10, 0, 'default');
    assert.equal((await storage.increment('a', 60_000, 10, 0, 'login')).totalHits, 1);
    assert.equal((await storage.increment('b', 60_000, 10, 0, 'default')).totalHits, 1);
  });

  it('stays bounded after 100,000 distinct clients once their windows end', async () => {
    let now = 0;
    const storage = new MemoryThrottlerStorage(() => now);
    for (let i = 0; i < 100_000; i++) await storage.increment(`client-${i}`, 1_000, 100, 0, 'default');
    assert.equal(storage.size, 100_000);
    now += 2_000;
    for (let i = 0; i < 5_000; i++) await storage.increment('one-more', 1_000, 1_000_000, 0, 'default');
    assert.ok(storage.size <= 1, `${storage.size} keys left`);
  });

  it('creates no timer per request', async () => {
    const storage = new MemoryThrottlerStorage();
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    for (let i = 0; i < 10_000; i++) await storage.increment(`c${i % 100}`, 60_000, 1_000, 0, 'default');
    assert.equal(timers(), before);
  });
});
