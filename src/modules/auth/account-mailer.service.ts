import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DomainEvents } from '../../common/domain-events/domain-events';
import { durationToMs } from '../../common/time/duration';
import type { AppConfig } from '../../infra/config/app-config';
import { AccountLinkKind, AccountLinks, type AccountLinkSubject } from './account-links.service';

/** The user an account mail is about. */
export type AccountMailUser = AccountLinkSubject & { name: string };

/**
 * Asks for the account mails (the notifications module renders and sends
 * them, in the language of `businessId`): each gets a fresh signed link. The
 * request does not wait for the mail.
 */
@Injectable()
export class AccountMailer {
  private readonly resetTtlMs: number;
  private readonly confirmationTtlMs: number;

  constructor(
    private readonly links: AccountLinks,
    private readonly events: DomainEvents,
    @Inject(ConfigService) config: AppConfig,
  ) {
    this.resetTtlMs = durationToMs(config.get('PASSWORD_RESET_TTL', { infer: true }));
    this.confirmationTtlMs = durationToMs(config.get('EMAIL_CONFIRMATION_TTL', { infer: true }));
  }

  passwordReset(user: AccountMailUser, businessId: string): void {
    this.events.emit('account.password_reset_requested', {
      ...this.base(user, businessId),
      url: this.links.issue(AccountLinkKind.passwordReset, user, this.resetTtlMs),
      validMinutes: this.resetTtlMs / 60_000,
    });
  }

  emailVerification(user: AccountMailUser, businessId: string): void {
    this.events.emit('account.email_verification_requested', {
      ...this.base(user, businessId),
      url: this.links.issue(AccountLinkKind.emailVerification, user, this.confirmationTtlMs),
      validHours: this.confirmationTtlMs / 3_600_000,
    });
  }

  /** To the new address: nothing changes until its link is followed. */
  emailChange(user: AccountMailUser, businessId: string, newEmail: string): void {
    this.events.emit('account.email_change_requested', {
      ...this.base(user, businessId),
      to: newEmail,
      url: this.links.issue(AccountLinkKind.emailChange, user, this.confirmationTtlMs, newEmail),
      validHours: this.confirmationTtlMs / 3_600_000,
    });
  }

  private base(user: AccountMailUser, businessId: string) {
    // An invited member who gave no name has their address as name: the mail then greets no one by name.
    return { businessId, userId: user.id, to: user.email, name: user.name === user.email ? '' : user.name };
  }
}
