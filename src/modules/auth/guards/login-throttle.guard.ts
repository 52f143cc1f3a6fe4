import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Request } from 'express';
import { clientIp } from '../../../common/http/client-ip';
import { normalizeEmail } from '../../../common/text/normalize';
import type { AppConfig } from '../../../infra/config/app-config';
import { THROTTLE_STORAGE } from '../../../infra/throttle/throttle.port';
import { TooManyAttemptsException } from '../auth.exception';

/**
 * Limits login attempts per IP and per email (whichever runs out first), so
 * neither one address nor one targeted account can be brute-forced.
 */
@Injectable()
export class LoginThrottleGuard implements CanActivate {
  private readonly limit: number;
  private readonly ttlMs: number;

  constructor(
    @Inject(THROTTLE_STORAGE) private readonly storage: ThrottlerStorage,
    @Inject(ConfigService) config: AppConfig,
  ) {
    this.limit = config.get('LOGIN_RATE_LIMIT_MAX', { infer: true });
    this.ttlMs = config.get('LOGIN_RATE_LIMIT_TTL', { infer: true }) * 1000;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const email = typeof req.body?.email === 'string' ? normalizeEmail(req.body.email) : '';
    const keys = [`ip:${clientIp(req)}`, ...(email ? [`email:${email}`] : [])];
    for (const key of keys) {
      const record = await this.storage.increment(key, this.ttlMs, this.limit, this.ttlMs, 'login');
      if (record.isBlocked) throw new TooManyAttemptsException(Math.max(1, record.timeToBlockExpire));
    }
    return true;
  }
}
