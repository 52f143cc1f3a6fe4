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
 * Limits login attempts per IP and per email (whichever runs out first), so
 * neither one address nor one targeted account can be brute-forced.
 */
@Injectable()
export class LoginThrottleGuard extends AttemptThrottleGuard {
  constructor(@Inject(THROTTLE_STORAGE) storage: ThrottlerStorage, @Inject(ConfigService) config: AppConfig) {
    super(storage, {
      bucket: 'login',
      limit: config.get('LOGIN_RATE_LIMIT_MAX', { infer: true }),
      ttlMs: config.get('LOGIN_RATE_LIMIT_TTL', { infer: true }) * 1000,
      message: 'Too many login attempts; try again later',
    });
  }

  protected keys(req: Request): string[] {
    const email = bodyString(req, 'email', normalizeEmail);
    return [`ip:${clientIp(req)}`, ...(email ? [`email:${email}`] : [])];
  }
}
