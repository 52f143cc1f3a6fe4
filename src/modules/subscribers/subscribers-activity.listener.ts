import { Injectable } from '@nestjs/common';
import type { SubscriberEventPayload } from '../../common/domain-events/domain-event.map';
import { OnDomainEvent } from '../../common/domain-events/domain-events';
import { ActivityService } from '../activity/activity.service';

/** Consent given and withdrawn through public links is evidence: it goes in the activity log (and the customer's timeline). */
@Injectable()
export class SubscribersActivityListener {
  constructor(private readonly activity: ActivityService) {}

  @OnDomainEvent('subscriber.confirmed')
  onConfirmed(e: SubscriberEventPayload): Promise<void> {
    return this.record('subscriber.confirmed', e, `Marketing consent (${e.channel}) given`);
  }

  @OnDomainEvent('subscriber.unsubscribed')
  onUnsubscribed(e: SubscriberEventPayload): Promise<void> {
    const via =
      e.via === 'sms_reply'
        ? ' by an SMS reply'
        : e.via === 'whatsapp_reply'
          ? ' by a WhatsApp reply'
          : e.via === 'email_provider'
            ? ' at the email provider'
            : '';
    return this.record('subscriber.unsubscribed', e, `Unsubscribed from marketing (${e.channel})${via}`);
  }

  private record(action: string, e: SubscriberEventPayload, summary: string): Promise<void> {
    return this.activity.recordEvent({
      businessId: e.businessId,
      anonymous: 'public',
      action,
      entityType: 'subscriber',
      entityId: e.subscriberId,
      customerId: e.customerId,
      summary,
      ip: e.ip,
    });
  }
}
