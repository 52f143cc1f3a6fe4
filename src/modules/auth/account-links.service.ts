import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
import { purposeKey } from '../../common/crypto/purpose-key';
import { safeEqual } from '../../common/crypto/tokens';
import { isUuid } from '../../common/validation/uuid';
import type { AppConfig } from '../../infra/config/app-config';
import { InvalidLinkException } from './auth.exception';

/** The purpose the links' signing key is derived for. */
export const ACCOUNT_LINKS = 'account-links';

export enum AccountLinkKind {
  passwordReset = 'password_reset',
  emailVerification = 'email_verification',
  emailChange = 'email_change',
}

/** The front-end page under PUBLIC_URL that each link opens (it posts the token to the API). */
const PAGE: Record<AccountLinkKind, string> = {
  [AccountLinkKind.passwordReset]: 'reset-password',
  [AccountLinkKind.emailVerification]: 'verify-email',
  [AccountLinkKind.emailChange]: 'confirm-email',
};

/** What a link is bound to: the user as they were when it was issued. */
export interface AccountLinkSubject {
  id: string;
  email: string;
  passwordHash: string | null;
}

interface LinkClaims {
  typ: AccountLinkKind;
  sub: string;
  /** MAC of the user's state the link depends on (never the state itself). */
  fp: string;
  /** Email change: the new address. */
  em?: string;
}

/** A link whose signature, kind and expiry checked out; `matches` then tells whether the user is still as it was issued for. */
export interface AccountLink {
  kind: AccountLinkKind;
  userId: string;
  newEmail?: string;
  fingerprint: string;
}

/**
 * Signed, stateless, single-use links of account mails: HS256 tokens under a
 * key derived from JWT_SECRET for this purpose (never the access-token key),
 * with a `typ` per kind and an expiry. Each carries a MAC of the state it may
 * change (a reset: the address and the current password hash; a verification:
 * the address; an email change: the address, the password hash and the new
 * address), so once the change is made, or the password or address moved on,
 * the link stops verifying: no table of used tokens is needed.
 */
@Injectable()
export class AccountLinks {
  private readonly key: Buffer;
  private readonly stateKey: Buffer;
  private readonly publicUrl: string;

  constructor(
    private readonly jwt: JwtService,
    @Inject(ConfigService) config: AppConfig,
  ) {
    const secret = config.get('JWT_SECRET', { infer: true })!;
    this.key = purposeKey(secret, ACCOUNT_LINKS);
    this.stateKey = purposeKey(secret, `${ACCOUNT_LINKS}/state`);
    this.publicUrl = config.get('PUBLIC_URL', { infer: true }).replace(/\/+$/, '');
  }

  /** The URL of a new link of `kind` for `user`, valid for `ttlMs`. */
  issue(kind: AccountLinkKind, user: AccountLinkSubject, ttlMs: number, newEmail?: string): string {
    const claims: LinkClaims = {
      typ: kind,
      sub: user.id,
      fp: this.fingerprint(kind, user, newEmail),
      ...(newEmail ? { em: newEmail } : {}),
    };
    const token = this.jwt.sign(claims, { algorithm: 'HS256', secret: this.key, expiresIn: Math.floor(ttlMs / 1000) });
    return `${this.publicUrl}/${PAGE[kind]}?token=${token}`;
  }

  /** The link a token states; 401 when forged, altered, of another kind or expired. */
  read(kind: AccountLinkKind, token: string): AccountLink {
    let claims: Partial<LinkClaims>;
    try {
      claims = this.jwt.verify<LinkClaims>(token, { algorithms: ['HS256'], secret: this.key });
    } catch (err) {
      throw new InvalidLinkException(err instanceof TokenExpiredError);
    }
    const valid =
      claims.typ === kind &&
      typeof claims.sub === 'string' &&
      isUuid(claims.sub) &&
      typeof claims.fp === 'string' &&
      (kind === AccountLinkKind.emailChange) === (typeof claims.em === 'string');
    if (!valid) throw new InvalidLinkException();
    return { kind, userId: claims.sub!, fingerprint: claims.fp!, ...(claims.em ? { newEmail: claims.em } : {}) };
  }

  /** Whether the user is still in the state the link was issued for (false once it was used). */
  matches(link: AccountLink, user: AccountLinkSubject): boolean {
    return user.id === link.userId && safeEqual(link.fingerprint, this.fingerprint(link.kind, user, link.newEmail));
  }

  private fingerprint(kind: AccountLinkKind, user: AccountLinkSubject, newEmail?: string): string {
    const state =
      kind === AccountLinkKind.emailVerification
        ? [user.email]
        : kind === AccountLinkKind.passwordReset
          ? [user.email, user.passwordHash ?? '']
          : [user.email, user.passwordHash ?? '', newEmail ?? ''];
    return createHmac('sha256', this.stateKey)
      .update([kind, user.id, ...state].join('\0'))
      .digest()
      .subarray(0, 16)
      .toString('base64url');
  }
}
