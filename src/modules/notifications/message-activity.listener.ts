import { Injectable } from '@nestjs/common';
import type { DomainEventMap, MessageEventPayload } from '../../common/domain-events/domain-event.map';
import { OnDomainEvent } from '../../common/domain-events/domain-events';
import { ActivityService } from '../activity/activity.service';

const what = (e: MessageEventPayload) => `${e.template ?? 'a message'} by ${e.channel} to ${e.to}`;

/** Each message sent to a customer, and what became of it (delivered, failed, bounced), shows on their timeline. */
@Injectable()
export class MessageActivityListener {
  constructor(private readonly activity: ActivityService) {}

  @OnDomainEvent('message.sent')
  sent(e: DomainEventMap['message.sent']): Promise<void> {
    return this.record(e, 'message.sent', `Sent ${what(e)}`);
  }

  @OnDomainEvent('message.failed')
  failed(e: DomainEventMap['message.failed']): Promise<void> {
    return this.record(e, 'message.failed', `Could not send ${what(e)}: ${e.error}`);
  }

  @OnDomainEvent('message.delivered')
  delivered(e: DomainEventMap['message.delivered']): Promise<void> {
    return this.record(e, 'message.delivered', `Delivered ${what(e)}`);
  }

  @OnDomainEvent('message.bounced')
  bounced(e: DomainEventMap['message.bounced']): Promise<void> {
    return this.record(e, 'message.bounced', `Bounced ${what(e)}: ${e.error}`);
  }

  @OnDomainEvent('message.suppressed')
  suppressed(e: DomainEventMap['message.suppressed']): Promise<void> {
    return this.record(e, 'message.suppressed', `Not sent ${what(e)}: ${e.error}`);
  }

  private record(e: MessageEventPayload, action: string, summary: string): Promise<void> {
    return this.activity.recordEvent({
      businessId: e.businessId,
      action,
      entityType: 'message',
      entityId: e.messageId,
      customerId: e.customerId,
      summary,
    });
  }
}
