import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { randomToken, sha256 } from '../../common/crypto/tokens';
import { durationToMs } from '../../common/time/duration';
import type { AppConfig } from '../../infra/config/app-config';
import { TransactionRunner } from '../../infra/database/transaction.runner';
import type { TokenPairDto } from './dto/auth-response.dto';
import { RefreshTokensRepository } from './refresh-tokens.repository';

export interface AccessClaims {
  sub: string;
  /** The business the session acts for. */
  bid: string;
  typ: 'access';
}

export interface SessionContext {
  userAgent?: string;
  ip?: string;
}

export type RotationResult =
  | { ok: true; userId: string; businessId: string; tokens: TokenPairDto }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'reused' };

/** Issues access JWTs and rotating refresh tokens (stored as SHA-256). */
@Injectable()
export class TokenService {
  private readonly accessTtlMs: number;
  private readonly refreshTtlMs: number;

  constructor(
    private readonly jwt: JwtService,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly tx: TransactionRunner,
    @Inject(ConfigService) config: AppConfig,
  ) {
    this.accessTtlMs = durationToMs(config.get('JWT_ACCESS_TTL', { infer: true }));
    this.refreshTtlMs = durationToMs(config.get('JWT_REFRESH_TTL', { infer: true }));
  }

  /**
   * The claims of a valid access token; throws when it is not one. Synchronous:
   * HMAC verification is CPU work either way, and the async form only wraps it
   * in promises and a callback on every authenticated request.
   */
  verifyAccess(token: string): AccessClaims {
    return this.jwt.verify<AccessClaims>(token, { algorithms: ['HS256'] });
  }

  /** A new login: a new refresh-token family. */
  issue(userId: string, businessId: string, ctx: SessionContext): Promise<TokenPairDto> {
    return this.issueInFamily(userId, businessId, randomUUID(), ctx);
  }

  /**
   * Exchanges a refresh token for a new pair, in one transaction under the
   * token's row lock: the new token is stored before the lock is released, so
   * a concurrent refresh or logout of the same token (which waits for the
   * lock) sees the rotation and its family revocation covers the new token
   * too. A token that was already rotated means it leaked: its whole family
   * is revoked and the caller gets nothing.
   */
  async rotate(refreshToken: string, ctx: SessionContext): Promise<RotationResult> {
    return this.tx.run(async (manager): Promise<RotationResult> => {
      const tokens = this.refreshTokens.withManager(manager);
      const row = await tokens.findByHashForUpdate(sha256(refreshToken));
      if (!row) return { ok: false, reason: 'unknown' };
      if (row.revokedAt) return { ok: false, reason: 'revoked' };
      if (row.rotatedAt) {
        await tokens.revokeFamily(row.familyId);
        return { ok: false, reason: 'reused' };
      }
      if (row.expiresAt.getTime() <= Date.now()) return { ok: false, reason: 'expired' };
      await tokens.markRotated(row.id);
      const pair = await this.issueInFamily(row.userId, row.businessId, row.familyId, ctx, manager);
      return { ok: true, userId: row.userId, businessId: row.businessId, tokens: pair };
    });
  }

  /** Ends the session of this refresh token (its whole family), under the same row lock as rotation. */
  async revoke(refreshToken: string): Promise<boolean> {
    return this.tx.run(async (manager) => {
      const tokens = this.refreshTokens.withManager(manager);
      const row = await tokens.findByHashForUpdate(sha256(refreshToken));
      if (!row) return false;
      await tokens.revokeFamily(row.familyId);
      return true;
    });
  }

  /** Ends every session of a user (all refresh-token families, every business), in the caller's transaction if given. */
  revokeAllForUser(userId: string, manager?: EntityManager): Promise<number> {
    return (manager ? this.refreshTokens.withManager(manager) : this.refreshTokens).revokeForUser(userId);
  }

  private async issueInFamily(
    userId: string,
    businessId: string,
    familyId: string,
    ctx: SessionContext,
    manager?: EntityManager,
  ): Promise<TokenPairDto> {
    const claims: AccessClaims = { sub: userId, bid: businessId, typ: 'access' };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: Math.floor(this.accessTtlMs / 1000), algorithm: 'HS256' });
    const refreshToken = randomToken(48);
    await (manager ? this.refreshTokens.withManager(manager) : this.refreshTokens).create({
      userId,
      businessId,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + this.refreshTtlMs),
      userAgent: ctx.userAgent?.slice(0, 300) ?? null,
      ip: ctx.ip ?? null,
    });
    return { accessToken, expiresIn: Math.floor(this.accessTtlMs / 1000), refreshToken, tokenType: 'Bearer' };
  }
}
