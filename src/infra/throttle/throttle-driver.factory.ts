import Redis from 'ioredis';
import { settingFor, unknownDriver } from '../config/driver-choices';
import { type EnvironmentVariables, RateLimitStore } from '../config/env.schema';
import { MemoryThrottlerStorage } from './memory-throttler.storage';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import type { ThrottlerStorage } from './throttle.port';

export const THROTTLE_CONFIG = ['RATE_LIMIT_STORE', 'REDIS_URL'] as const;
type ThrottleConfig = Pick<EnvironmentVariables, (typeof THROTTLE_CONFIG)[number]>;

/** Builds the rate-limit storage RATE_LIMIT_STORE names; an unknown or incomplete choice stops boot. */
export function createThrottleStorage(config: ThrottleConfig): ThrottlerStorage {
  switch (config.RATE_LIMIT_STORE) {
    case RateLimitStore.memory:
      return new MemoryThrottlerStorage();
    case RateLimitStore.redis:
      return new RedisThrottlerStorage(new Redis(settingFor(config, 'RATE_LIMIT_STORE', 'REDIS_URL'), { maxRetriesPerRequest: 2 }));
    default:
      throw unknownDriver('RATE_LIMIT_STORE', config.RATE_LIMIT_STORE, RateLimitStore);
  }
}
