import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryThrottlerStorage } from './memory-throttler.storage';
import { RateLimitStore } from '../config/env.schema';
import { ConfigValidationError } from '../config/validate-env';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { createThrottleStorage } from './throttle-driver.factory';

const configError = (pattern: RegExp) => (err: Error) => err instanceof ConfigValidationError && pattern.test(err.message);

describe('createThrottleStorage', () => {
  it('builds the storage RATE_LIMIT_STORE names', async () => {
    const memory = createThrottleStorage({ RATE_LIMIT_STORE: RateLimitStore.memory });
    assert.ok(memory instanceof MemoryThrottlerStorage);
    const redis = createThrottleStorage({
      RATE_LIMIT_STORE: RateLimitStore.redis,
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    });
    assert.ok(redis instanceof RedisThrottlerStorage);
    await redis.close();
  });

  it('refuses an unknown store and a Redis store without REDIS_URL, as config errors', () => {
    assert.throws(
      () => createThrottleStorage({ RATE_LIMIT_STORE: 'memcached' as never }),
      configError(/RATE_LIMIT_STORE: unknown driver "memcached" \(one of: memory, redis\)/),
    );
    assert.throws(
      () => createThrottleStorage({ RATE_LIMIT_STORE: RateLimitStore.redis }),
      configError(/REDIS_URL: required when RATE_LIMIT_STORE=redis/),
    );
  });
});
