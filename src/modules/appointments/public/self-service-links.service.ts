import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { purposeKey } from '../../../common/crypto/purpose-key';
import { isUuid } from '../../../common/validation/uuid';
import { AppException } from '../../../common/problem/app.exception';
import type { AppConfig } from '../../../infra/config/app-config';

/** The purpose its signing key is derived for. */
export const APPOINTMENT_LINKS = 'appointment-links';

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

const linkExpiry = (a: { endsAt: Date }) => new Date(a.endsAt.getTime() + GRACE_MS);

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
 * HMAC-signed (HS256) links that let a customer view, cancel or reschedule
 * exactly one appointment without logging in. The key is derived from the
 * app secret for this purpose (never the access-token key), and the `typ`
 * claim keeps them apart from access tokens as well.
 */
@Injectable()
export class SelfServiceLinks {
  private readonly publicUrl: string;
  private readonly key: Buffer;

  constructor(
    private readonly jwt: JwtService,
    @Inject(ConfigService) config: AppConfig,
  ) {
    this.publicUrl = config.get('PUBLIC_URL', { infer: true }).replace(/\/$/, '');
    this.key = purposeKey(config.get('JWT_SECRET', { infer: true })!, APPOINTMENT_LINKS);
  }

  /**
   * A link to the appointment. It carries no expiry of its own: it is valid
   * while the appointment, as it is now, has not ended more than a day ago
   * (`usable`), so a moved appointment keeps its link, and moving it later
   * extends it.
   */
  issue(a: { id: string; businessId: string; endsAt: Date }): SelfServiceLink {
    const claims: LinkClaims = { typ: 'appointment_link', aid: a.id, bid: a.businessId };
    const token = this.jwt.sign(claims, { algorithm: 'HS256', secret: this.key });
    return { token, url: `${this.publicUrl}/api/public/appointments/${token}`, expiresAt: linkExpiry(a) };
  }

  /** 401 (expired) once the appointment the link names ended more than a day ago. */
  assertUsable(a: { endsAt: Date }, now = new Date()): void {
    if (now.getTime() > linkExpiry(a).getTime()) throw new InvalidLinkException(true);
  }

  /** The appointment and business the token was issued for; 401 when forged, altered, of another kind or expired. */
  verify(token: string): { appointmentId: string; businessId: string } {
    let claims: Partial<LinkClaims>;
    try {
      claims = this.jwt.verify<LinkClaims>(token, { algorithms: ['HS256'], secret: this.key });
    } catch (err) {
      // Links issued before links followed their appointment carry an `exp`.
      throw new InvalidLinkException(err instanceof TokenExpiredError);
    }
    if (claims.typ !== 'appointment_link' || !isUuid(claims.aid ?? '') || !isUuid(claims.bid ?? '')) throw new InvalidLinkException(false);
    return { appointmentId: claims.aid!, businessId: claims.bid! };
  }
}
