import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { isUuid } from '../../../common/tenancy/tenant.repository';
import { AppException } from '../../../common/problem/app.exception';
import type { AppConfig } from '../../../infra/config/app-config';

/** Signed claims of a self-service link: one appointment, one business. */
interface LinkClaims {
  typ: 'appointment_link';
  aid: string;
  bid: string;
}

export interface SelfServiceLink {
  token: string;
  url: string;
  expiresAt: Date;
}

/** The link stays usable until a day after the appointment ends. */
const GRACE_MS = 24 * 3_600_000;

export class InvalidLinkException extends AppException {
  constructor(expired: boolean) {
    super(
      HttpStatus.UNAUTHORIZED,
      expired ? 'appointment_link.expired' : 'appointment_link.invalid',
      expired ? 'This appointment link has expired' : 'This appointment link is not valid',
    );
  }
}

/**
 * HMAC-signed (HS256, the app's JWT secret) links that let a customer view,
 * cancel or reschedule exactly one appointment without logging in. The `typ`
 * claim keeps them apart from access tokens in both directions.
 */
@Injectable()
export class SelfServiceTokens {
  private readonly publicUrl: string;

  constructor(
    private readonly jwt: JwtService,
    @Inject(ConfigService) config: AppConfig,
  ) {
    this.publicUrl = config.get('PUBLIC_URL', { infer: true }).replace(/\/$/, '');
  }

  issue(a: { id: string; businessId: string; endsAt: Date }, now = new Date()): SelfServiceLink {
    const expiresAt = new Date(Math.max(a.endsAt.getTime() + GRACE_MS, now.getTime() + 3_600_000));
    const claims: LinkClaims = { typ: 'appointment_link', aid: a.id, bid: a.businessId };
    const token = this.jwt.sign(claims, { algorithm: 'HS256', expiresIn: Math.ceil((expiresAt.getTime() - now.getTime()) / 1000) });
    return { token, url: `${this.publicUrl}/api/public/appointments/${token}`, expiresAt };
  }

  /** The appointment and business the token was issued for; 401 when forged, altered, of another kind or expired. */
  verify(token: string): { appointmentId: string; businessId: string } {
    let claims: Partial<LinkClaims>;
    try {
      claims = this.jwt.verify<LinkClaims>(token, { algorithms: ['HS256'] });
    } catch (err) {
      throw new InvalidLinkException(err instanceof TokenExpiredError);
    }
    if (claims.typ !== 'appointment_link' || !isUuid(claims.aid ?? '') || !isUuid(claims.bid ?? '')) throw new InvalidLinkException(false);
    return { appointmentId: claims.aid!, businessId: claims.bid! };
  }
}
