import { Injectable } from '@nestjs/common';
import type { DomainEventActor, DomainEventMap } from '../../common/domain-events/domain-event.map';
import { OnDomainEvent } from '../../common/domain-events/domain-events';
import { RequestContext } from '../../common/http/request-context';
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
    const who = e.by?.name ?? 'system';
    return this.activity.recordQuietly({
      businessId: e.businessId,
      actorType: e.by?.kind ?? 'system',
      actorId: e.by?.id ?? null,
      actorName: e.by?.name ?? null,
      action,
      entityType: 'customer',
      entityId: e.customerId,
      customerId: e.customerId,
      summary: `${who}: ${action}${detail ? ` (${detail})` : ''}`,
      ip: null,
      requestId: RequestContext.requestId() ?? null,
    });
  }
}
