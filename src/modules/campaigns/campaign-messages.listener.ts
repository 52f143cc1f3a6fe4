import { Injectable } from '@nestjs/common';
import type { DomainEventMap, MessageEventPayload } from '../../common/domain-events/domain-event.map';
import { OnDomainEvent } from '../../common/domain-events/domain-events';
import { RecipientStatus } from './campaign.types';
import { CampaignRecipientsRepository } from './campaign-recipients.repository';

/** An unsubscribe counts for the campaign that reached the person in this many days before it. */
const UNSUBSCRIBE_WINDOW_DAYS = 30;

/**
 * Keeps campaign recipients' statuses with their messages: the `message.*`
 * events name the message, and a recipient row is found by its (unique)
 * message id. Campaign messages are written by hand (no template key), so
 * template messages are passed over without a query. An unsubscribe counts
 * for the latest campaign that reached the person.
 */
@Injectable()
export class CampaignMessagesListener {
  constructor(private readonly recipients: CampaignRecipientsRepository) {}

  @OnDomainEvent('message.sent')
  sent(e: DomainEventMap['message.sent']): Promise<void> {
    return this.move(e, RecipientStatus.sent, null);
  }

  @OnDomainEvent('message.delivered')
  delivered(e: DomainEventMap['message.delivered']): Promise<void> {
    return this.move(e, RecipientStatus.delivered, null);
  }

  @OnDomainEvent('message.failed')
  failed(e: DomainEventMap['message.failed']): Promise<void> {
    return this.move(e, RecipientStatus.failed, e.error);
  }

  @OnDomainEvent('message.bounced')
  bounced(e: DomainEventMap['message.bounced']): Promise<void> {
    return this.move(e, RecipientStatus.bounced, e.error);
  }

  @OnDomainEvent('message.suppressed')
  suppressed(e: DomainEventMap['message.suppressed']): Promise<void> {
    return this.move(e, RecipientStatus.suppressed, e.error);
  }

  @OnDomainEvent('subscriber.unsubscribed')
  async unsubscribed(e: DomainEventMap['subscriber.unsubscribed']): Promise<void> {
    await this.recipients.markUnsubscribed(
      e.businessId,
      { customerId: e.customerId, subscriberId: e.subscriberId },
      e.channel,
      new Date(),
      UNSUBSCRIBE_WINDOW_DAYS,
    );
  }

  /** A customer's consent withdrawn (their unsubscribe link, an SMS STOP): the channel is not named, so the latest campaign counts. */
  @OnDomainEvent('customer.updated')
  async customerUpdated(e: DomainEventMap['customer.updated']): Promise<void> {
    if (e.changed.includes('marketingConsent'))
      await this.recipients.markUnsubscribed(e.businessId, { customerId: e.customerId }, null, new Date(), UNSUBSCRIBE_WINDOW_DAYS);
  }

  private async move(e: MessageEventPayload, status: RecipientStatus, error: string | null): Promise<void> {
    if (e.template !== null) return;
    await this.recipients.moveByMessage(e.businessId, e.messageId, status, error);
  }
}
