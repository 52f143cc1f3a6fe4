import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectProblem, newBusiness, type TestBusiness } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

/** The API-wide limit (RATE_LIMIT_MAX per RATE_LIMIT_TTL per address and route), on both stores. */
for (const store of ['memory', 'redis'] as const) {
  describe(`global rate limit (${store} store)`, () => {
    let t: TestApp;
    let owner: TestBusiness;
    before(async () => {
      t = await startTestApp({
        RATE_LIMIT_MAX: '5',
        RATE_LIMIT_TTL: '2',
        // A Redis database of its own, so other test files' counters for 127.0.0.1 stay apart.
        ...(store === 'redis' ? { RATE_LIMIT_STORE: 'redis', REDIS_URL: 'redis://127.0.0.1:6379/9' } : {}),
      });
      owner = await newBusiness(t.http);
    });
    after(() => t.close());

    it('counts per route, answers 429 with Retry-After past the limit, skips health, and starts over when the window rolls', async () => {
      const me = () => t.http.get('/api/auth/me').set(owner.auth);
      const remaining: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await me();
        assert.equal(res.status, 200);
        assert.equal(res.headers['x-ratelimit-limit'], '5');
        remaining.push(Number(res.headers['x-ratelimit-remaining']));
      }
      assert.deepEqual(remaining, [4, 3, 2, 1, 0]);
      const refused = await me();
      expectProblem(refused, 429);
      assert.ok(Number(refused.headers['retry-after']) >= 1);
      // Another route has its own budget; health is never counted.
      assert.equal((await t.http.get('/api/business').set(owner.auth)).status, 200);
      for (let i = 0; i < 8; i++) assert.equal((await t.http.get('/health/live')).status, 200);
      await new Promise((r) => setTimeout(r, 2_100));
      const again = await me();
      assert.equal(again.status, 200);
      assert.equal(again.headers['x-ratelimit-remaining'], '4');
    });
  });
}
