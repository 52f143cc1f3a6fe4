import type { CanActivate, ExecutionContext } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Request } from 'express';
import { TooManyAttemptsException } from '../auth.exception';

export interface AttemptLimit {
  /** The counters' namespace in the rate-limit store (`login`, `account`). */
  bucket: string;
  /** Requests allowed per key and window. */
  limit: number;
  ttlMs: number;
  /** The 429's detail. */
  message: string;
}

/**
 * Counts a sensitive request against several keys (the caller's address, the
 * email it names, the user) in the shared rate-limit store, and refuses it
 * with 429 and Retry-After once any key has spent its budget: neither one
 * address nor one targeted account can be hammered. Subclasses name the keys.
 */
export abstract class AttemptThrottleGuard implements CanActivate {
  protected constructor(
    private readonly storage: ThrottlerStorage,
    private readonly limits: AttemptLimit,
  ) {}

  protected abstract keys(req: Request): string[];

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const { bucket, limit, ttlMs, message } = this.limits;
    for (const key of this.keys(req)) {
      const record = await this.storage.increment(key, ttlMs, limit, ttlMs, bucket);
      if (record.isBlocked) throw new TooManyAttemptsException(Math.max(1, record.timeToBlockExpire), message);
    }
    return true;
  }
}

/** The normalized string in `field` of a JSON body, or '' (the guard runs before validation). */
export function bodyString(req: Request, field: string, normalize: (value: string) => string): string {
  const value: unknown = (req.body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? normalize(value) : '';
}
