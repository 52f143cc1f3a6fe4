import type { ThrottlerStorage } from '@nestjs/throttler';

/**
 * The counters behind every rate limit: @nestjs/throttler's storage interface,
 * served in memory or by Redis (RATE_LIMIT_STORE). The global limit and the
 * login guard inject THROTTLE_STORAGE, so both count in the same place.
 */
export type { ThrottlerStorage };

export const THROTTLE_STORAGE = Symbol('THROTTLE_STORAGE');
