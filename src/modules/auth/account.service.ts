import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { pgConstraint } from '../../common/database/pg-errors';
import { TransactionRunner } from '../../infra/database/transaction.runner';
import { MembershipDirectory } from '../business/membership-directory.service';
import type { User } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';
import { type AccountLink, AccountLinkKind, AccountLinks } from './account-links.service';
import { AccountMailer } from './account-mailer.service';
import {
  EmailAlreadyVerifiedException,
  EmailTakenException,
  EmailUnchangedException,
  InvalidLinkException,
  InvalidTokenException,
  PasswordChangedMeanwhileException,
  UserOnlyException,
  WrongPasswordException,
} from './auth.exception';
import type { TokenPairDto, UserDto } from './dto/auth-response.dto';
import { PasswordHasher } from './password.hasher';
import { SessionContext, TokenService } from './token.service';
import { toUserDto } from './user.mapper';

/** A user id no one has: an unknown address costs the same lookups as a known one. */
const NO_USER = '00000000-0000-0000-0000-000000000000';

/**
 * The account's own life: forgotten and changed passwords, verifying the
 * address, changing it. Links are signed and single-use (AccountLinks); a
 * password set through a reset or a change ends every session.
 */
@Injectable()
export class AccountService {
  constructor(
    private readonly users: UsersService,
    private readonly memberships: MembershipDirectory,
    private readonly passwords: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly links: AccountLinks,
    private readonly mailer: AccountMailer,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * Mails a reset link if the address belongs to someone with an active
   * membership (the mail goes out in the language of their first business).
   * The caller learns nothing: the same lookups either way, and the mail is
   * rendered and queued after the answer.
   */
  async forgotPassword(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    const [first] = await this.memberships.listForUser(user?.id ?? NO_USER);
    if (user && first) this.mailer.passwordReset(user, first.businessId);
  }

  /** Sets the password a reset link was issued for, once; every session of the user ends. */
  async resetPassword(token: string, password: string): Promise<void> {
    const user = await this.userOfLink(AccountLinkKind.passwordReset, token);
    const passwordHash = await this.passwords.hash(password);
    await this.tx.run(async (manager) => {
      // Following the link proves the mailbox is theirs: the address counts as verified.
      if (!(await this.users.replacePassword(user.id, user, passwordHash, { verifyEmail: true }, manager)))
        throw new InvalidLinkException();
      await this.tokens.revokeAllForUser(user.id, manager);
    });
  }

  async verifyEmail(token: string): Promise<void> {
    const user = await this.userOfLink(AccountLinkKind.emailVerification, token);
    if (!(await this.users.markEmailVerified(user.id, user.email))) throw new InvalidLinkException();
  }

  /** Mails a new verification link to the signed-in user; 409 when already verified. */
  async resendVerification(actor: Actor): Promise<void> {
    const user = await this.userOf(actor);
    if (user.emailVerifiedAt) throw new EmailAlreadyVerifiedException();
    this.mailer.emailVerification(user, actor.businessId);
  }

  /**
   * Checks the current password, sets the new one, ends every session of the
   * user (all devices, all businesses) and starts a new one for this caller.
   */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string, ctx: SessionContext): Promise<TokenPairDto> {
    const user = await this.userOf(actor);
    if (!(await this.passwords.verify(currentPassword, user.passwordHash))) throw new WrongPasswordException();
    const passwordHash = await this.passwords.hash(newPassword);
    await this.tx.run(async (manager) => {
      if (!(await this.users.replacePassword(user.id, user, passwordHash, { verifyEmail: false }, manager))) {
        throw new PasswordChangedMeanwhileException();
      }
      await this.tokens.revokeAllForUser(user.id, manager);
    });
    return this.tokens.issue(user.id, actor.businessId, ctx);
  }

  /** Checks the current password and mails a confirmation link to the new address; nothing changes until it is followed. */
  async requestEmailChange(actor: Actor, currentPassword: string, newEmail: string): Promise<void> {
    const user = await this.userOf(actor);
    if (!(await this.passwords.verify(currentPassword, user.passwordHash))) throw new WrongPasswordException();
    if (newEmail === user.email) throw new EmailUnchangedException();
    if (await this.users.findByEmail(newEmail)) throw new EmailTakenException();
    this.mailer.emailChange(user, actor.businessId, newEmail);
  }

  /** Moves the account to the address the link was sent to (now verified); 409 if someone took it meanwhile. */
  async confirmEmailChange(token: string): Promise<UserDto> {
    const { user, link } = await this.linkAndUser(AccountLinkKind.emailChange, token);
    const newEmail = link.newEmail!;
    const changed = await this.users.changeEmail(user.id, user, newEmail).catch((err: unknown) => {
      throw pgConstraint(err) === 'uq_users_email' ? new EmailTakenException() : err;
    });
    if (!changed) throw new InvalidLinkException();
    return toUserDto({ ...user, email: newEmail, emailVerifiedAt: new Date() });
  }

  /** A valid link of `kind` and its user, still in the state it was issued in; 401 otherwise. */
  private async linkAndUser(kind: AccountLinkKind, token: string): Promise<{ link: AccountLink; user: User }> {
    const link = this.links.read(kind, token);
    const user = await this.users.findById(link.userId);
    if (!user || !this.links.matches(link, user)) throw new InvalidLinkException();
    return { link, user };
  }

  private async userOfLink(kind: AccountLinkKind, token: string): Promise<User> {
    return (await this.linkAndUser(kind, token)).user;
  }

  private async userOf(actor: Actor): Promise<User> {
    if (actor.kind !== 'user') throw new UserOnlyException();
    const user = await this.users.findById(actor.id);
    if (!user) throw new InvalidTokenException();
    return user;
  }
}
