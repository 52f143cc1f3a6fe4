import { Injectable } from '@nestjs/common';
import type { DomainEventActor, DomainEventMap } from '../../common/domain-events/domain-event.map';
import { OnDomainEvent } from '../../common/domain-events/domain-events';
import { ActivityService } from '../activity/activity.service';

type CustomerEvent = 'customer.created' | 'customer.updated' | 'customer.archived' | 'customer.restored';

/**
 * Puts a customer's own lifecycle (created, edited, archived, restored) on
 * their timeline: activity entries that carry `customerId`.
 */
@Injectable()
export class CustomerTimelineListener {
  constructor(private readonly activity: ActivityService) {}

  @OnDomainEvent('customer.created')
  onCreated(e: DomainEventMap['customer.created']): Promise<void> {
    return this.record('customer.created', e, `source: ${e.source}`);
  }

  @OnDomainEvent('customer.updated')
  onUpdated(e: DomainEventMap['customer.updated']): Promise<void> {
    return this.record('customer.updated', e, `changed: ${e.changed.join(', ')}`);
  }

  @OnDomainEvent('customer.archived')
  onArchived(e: DomainEventMap['customer.archived']): Promise<void> {
    return this.record('customer.archived', e);
  }

  @OnDomainEvent('customer.restored')
  onRestored(e: DomainEventMap['customer.restored']): Promise<void> {
    return this.record('customer.restored', e);
  }

  private record(
    action: CustomerEvent,
    e: { businessId: string; customerId: string; by?: DomainEventActor | null },
    detail?: string,
  ): Promise<void> {
    return this.activity.recordEvent({
      businessId: e.businessId,
      by: e.by,
      action,
      entityType: 'customer',
      entityId: e.customerId,
      customerId: e.customerId,
      summary: `${e.by?.name ?? 'system'}: ${action}${detail ? ` (${detail})` : ''}`,
    });
  }
}
