import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Request } from 'express';
import { clientIp } from '../../../common/http/client-ip';
import { normalizeEmail } from '../../../common/text/normalize';
import type { AppConfig } from '../../../infra/config/app-config';
import { THROTTLE_STORAGE } from '../../../infra/throttle/throttle.port';
import { AttemptThrottleGuard, bodyString } from './attempt-throttle.guard';

/**
 * Limits account requests that send mail or check a password (forgot
 * password, resend verification, change email, change password) per IP, per
 * address named in the body (`email`, `newEmail`) and per signed-in user, so
 * no one can flood a mailbox or guess a password through them. Its counters
 * are apart from login's.
 */
@Injectable()
export class AccountThrottleGuard extends AttemptThrottleGuard {
  constructor(@Inject(THROTTLE_STORAGE) storage: ThrottlerStorage, @Inject(ConfigService) config: AppConfig) {
    super(storage, {
      bucket: 'account',
      limit: config.get('ACCOUNT_RATE_LIMIT_MAX', { infer: true }),
      ttlMs: config.get('ACCOUNT_RATE_LIMIT_TTL', { infer: true }) * 1000,
      message: 'Too many account requests; try again later',
    });
  }

  protected keys(req: Request): string[] {
    const email = bodyString(req, 'email', normalizeEmail) || bodyString(req, 'newEmail', normalizeEmail);
    return [`ip:${clientIp(req)}`, ...(email ? [`email:${email}`] : []), ...(req.actor?.kind === 'user' ? [`user:${req.actor.id}`] : [])];
  }
}
