import { toUserDto } from './user.mapper';
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { sha256 } from '../../common/crypto/tokens';
import { pgConstraint } from '../../common/database/pg-errors';
import { RESERVED_SLUGS, slugify } from '../../common/text/normalize';
import { TransactionRunner } from '../../infra/database/transaction.runner';
import { DomainEvents } from '../../common/domain-events/domain-events';
import { BusinessDirectory } from '../business/business-directory.service';
import { MembershipDirectory } from '../business/membership-directory.service';
import type { Actor } from '../../common/auth/actor';
import { UsersService } from '../users/users.service';
import {
  EmailTakenException,
  InvalidCredentialsException,
  InvalidTokenException,
  NotAMemberException,
  UserOnlyException,
} from './auth.exception';
import type { AcceptInviteDto, LoginDto, RegisterDto } from './dto/auth.dto';
import type { SessionDto, TokenPairDto } from './dto/auth-response.dto';
import { AccountMailer } from './account-mailer.service';
import { PasswordHasher } from './password.hasher';
import { SessionContext, TokenService } from './token.service';

/** The business name's slug (unless reserved), then that slug with random suffixes. */
function* slugCandidates(name: string): Generator<string> {
  const base = slugify(name) || 'business';
  if (!RESERVED_SLUGS.has(base)) yield base;
  for (let i = 0; i < 20; i++) yield `${base}-${randomBytes(3).toString('hex')}`;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly businesses: BusinessDirectory,
    private readonly memberships: MembershipDirectory,
    private readonly passwords: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly tx: TransactionRunner,
    private readonly events: DomainEvents,
    private readonly mailer: AccountMailer,
  ) {}

  /** A new provider: the user, their business, and an owner membership, in one transaction; then a verification mail. */
  async register(dto: RegisterDto, ctx: SessionContext): Promise<SessionDto> {
    if (await this.users.findByEmail(dto.email)) throw new EmailTakenException();
    const passwordHash = await this.passwords.hash(dto.password);
    const { user, businessId } = await this.tx
      .run(async (manager) => {
        const user = await this.users.create({ email: dto.email, name: dto.name.trim(), passwordHash }, manager);
        const business = await this.businesses.register(manager, dto.businessName.trim(), slugCandidates(dto.businessName), user.id);
        return { user, businessId: business.id };
      })
      .catch((err: unknown) => {
        // A simultaneous sign-up with the same email won the unique index.
        throw pgConstraint(err) === 'uq_users_email' ? new EmailTakenException() : err;
      });
    this.events.emit('business.registered', { businessId, userId: user.id });
    // Welcome: a link to verify the address (the account works meanwhile, marked unverified).
    this.mailer.emailVerification(user, businessId);
    const tokens = await this.tokens.issue(user.id, businessId, ctx);
    return { ...tokens, user: toUserDto(user), businessId };
  }

  async login(dto: LoginDto, ctx: SessionContext): Promise<SessionDto> {
    const user = await this.users.findByEmail(dto.email);
    const ok = await this.passwords.verify(dto.password, user?.passwordHash);
    if (!user || !ok) throw new InvalidCredentialsException();
    const memberships = await this.memberships.listForUser(user.id);
    const chosen = dto.businessId ? memberships.find((m) => m.businessId === dto.businessId) : memberships[0];
    if (!chosen) throw dto.businessId ? new NotAMemberException() : new InvalidCredentialsException();
    await this.users.update(user.id, { lastLoginAt: new Date() });
    const tokens = await this.tokens.issue(user.id, chosen.businessId, ctx);
    return { ...tokens, user: toUserDto(user), businessId: chosen.businessId };
  }

  async refresh(refreshToken: string, ctx: SessionContext): Promise<TokenPairDto> {
    const result = await this.tokens.rotate(refreshToken, ctx);
    if (!result.ok) {
      throw result.reason === 'reused'
        ? new InvalidTokenException('auth.refresh_reused', 'This refresh token was already used; the session was ended for safety')
        : new InvalidTokenException('auth.invalid_refresh_token', 'The refresh token is invalid or expired');
    }
    return result.tokens;
  }

  async logout(refreshToken: string): Promise<void> {
    await this.tokens.revoke(refreshToken);
  }

  /** An invited member sets a password and joins. */
  async acceptInvite(dto: AcceptInviteDto, ctx: SessionContext): Promise<SessionDto> {
    const membership = await this.memberships.findInvitation(sha256(dto.token));
    if (!membership?.user || !membership.inviteExpiresAt || membership.inviteExpiresAt.getTime() < Date.now()) {
      throw new InvalidTokenException('auth.invalid_invite', 'The invitation is invalid or has expired');
    }
    const user = membership.user;
    const passwordHash = await this.passwords.hash(dto.password);
    await this.tx.run(async (manager) => {
      const accepted = await this.memberships.acceptInvitation(manager, membership, sha256(dto.token));
      if (!accepted) throw new InvalidTokenException('auth.invalid_invite', 'The invitation is invalid or has expired');
      await this.users.update(user.id, { passwordHash, ...(dto.name ? { name: dto.name.trim() } : {}) }, manager);
    });
    this.events.emit('member.joined', { businessId: membership.businessId, membershipId: membership.id, userId: user.id });
    const tokens = await this.tokens.issue(user.id, membership.businessId, ctx);
    return { ...tokens, user: toUserDto({ ...user, name: dto.name?.trim() ?? user.name }), businessId: membership.businessId };
  }

  /** The businesses a user is an active member of (a user only: an API key belongs to one business). */
  membershipsOf(actor: Actor): ReturnType<MembershipDirectory['listForUser']> {
    if (actor.kind !== 'user') throw new UserOnlyException();
    return this.memberships.listForUser(actor.id);
  }
}
