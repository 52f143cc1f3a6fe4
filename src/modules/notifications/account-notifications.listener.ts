import { Injectable, Logger } from '@nestjs/common';
import type { AccountMailPayload, DomainEventMap } from '../../common/domain-events/domain-event.map';
import { OnDomainEvent } from '../../common/domain-events/domain-events';
import { BusinessDirectory } from '../business/business-directory.service';
import { Channel, MessageKind, MessageLocale, TemplateKey, type TemplateVariables } from './notification.types';
import { NotificationsService } from './notifications.service';

/**
 * A user's account mails (password reset, address verification, address
 * change): transactional, to the raw address, in the business's language.
 * Their text holds a one-time link, so the message log does not show it
 * (see SECRET_LINK_TEMPLATES).
 */
@Injectable()
export class AccountNotificationsListener {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly notifications: NotificationsService,
    private readonly businesses: BusinessDirectory,
  ) {}

  @OnDomainEvent('account.password_reset_requested')
  passwordReset(e: DomainEventMap['account.password_reset_requested']): Promise<void> {
    return this.send(e, TemplateKey.passwordReset, { resetUrl: e.url, expiresInMinutes: e.validMinutes });
  }

  @OnDomainEvent('account.email_verification_requested')
  emailVerification(e: DomainEventMap['account.email_verification_requested']): Promise<void> {
    return this.send(e, TemplateKey.emailVerification, { verifyUrl: e.url, expiresInHours: e.validHours });
  }

  @OnDomainEvent('account.email_change_requested')
  emailChange(e: DomainEventMap['account.email_change_requested']): Promise<void> {
    return this.send(e, TemplateKey.emailChange, { 'user.newEmail': e.to, confirmUrl: e.url, expiresInHours: e.validHours });
  }

  private async send(e: AccountMailPayload, template: TemplateKey, variables: TemplateVariables): Promise<void> {
    try {
      const business = await this.businesses.require(e.businessId);
      await this.notifications.send(e.businessId, {
        channel: Channel.email,
        kind: MessageKind.transactional,
        to: e.to,
        template,
        // The business's language, not that of a customer record that happens to share the address.
        locale: business.locale as unknown as MessageLocale,
        variables: {
          // Liquid reads '' as true: a missing name is left out, so the greeting falls back to its nameless form.
          ...(e.name ? { 'user.name': e.name } : {}),
          ...variables,
        },
      });
    } catch (err) {
      this.logger.warn(`${template} to user ${e.userId} not sent: ${(err as Error).message}`);
    }
  }
}
