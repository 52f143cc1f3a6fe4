import { Injectable } from '@nestjs/common';
import type { DomainEventMap } from '../../common/domain-events/domain-event.map';
import { OnDomainEvent } from '../../common/domain-events/domain-events';
import { ActivityService } from '../activity/activity.service';

/** Each message sent to (or failed for) a customer shows on their timeline. */
@Injectable()
export class MessageActivityListener {
  constructor(private readonly activity: ActivityService) {}

  @OnDomainEvent('message.sent')
  sent(e: DomainEventMap['message.sent']): Promise<void> {
    return this.record(e, 'message.sent', `Sent ${e.template ?? 'a message'} by ${e.channel} to ${e.to}`);
  }

  @OnDomainEvent('message.failed')
  failed(e: DomainEventMap['message.failed']): Promise<void> {
    return this.record(e, 'message.failed', `Could not send ${e.template ?? 'a message'} by ${e.channel} to ${e.to}: ${e.error}`);
  }

  private record(e: DomainEventMap['message.sent'], action: string, summary: string): Promise<void> {
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
