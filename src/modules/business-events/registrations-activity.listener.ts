import { Injectable } from '@nestjs/common';
import type { DomainEventActor, DomainEventMap, RegistrationEventPayload } from '../../common/domain-events/domain-event.map';
import { OnDomainEvent } from '../../common/domain-events/domain-events';
import { ActivityService } from '../activity/activity.service';

/**
 * Until notifications exist, registration events are recorded in the
 * activity log with the customer, so they show on the customer's timeline.
 */
@Injectable()
export class RegistrationsActivityListener {
  constructor(private readonly activity: ActivityService) {}

  @OnDomainEvent('registration.confirmed')
  onConfirmed(e: RegistrationEventPayload): Promise<void> {
    return this.record('registration.confirmed', e, `Registered for "${e.eventTitle}" (confirmed)`);
  }

  @OnDomainEvent('registration.waitlisted')
  onWaitlisted(e: RegistrationEventPayload): Promise<void> {
    return this.record('registration.waitlisted', e, `Registered for "${e.eventTitle}" (waitlisted)`);
  }

  @OnDomainEvent('registration.promoted')
  onPromoted(e: RegistrationEventPayload): Promise<void> {
    return this.record('registration.promoted', e, `Moved from the waitlist to a place at "${e.eventTitle}"`);
  }

  @OnDomainEvent('registration.cancelled')
  onCancelled(e: RegistrationEventPayload): Promise<void> {
    return this.record('registration.cancelled', e, `Registration for "${e.eventTitle}" cancelled`);
  }

  @OnDomainEvent('event.cancelled')
  async onEventCancelled(e: DomainEventMap['event.cancelled']): Promise<void> {
    for (const r of e.registrations) {
      await this.record('event.cancelled', { ...e, ...r }, `Event "${e.eventTitle}" was cancelled; the registration was cancelled with it`);
    }
  }

  private record(
    action: string,
    e: Omit<RegistrationEventPayload, 'by'> & { by?: DomainEventActor | null },
    summary: string,
  ): Promise<void> {
    return this.activity.recordEvent({
      businessId: e.businessId,
      by: e.by,
      anonymous: 'public',
      action,
      entityType: 'event_registration',
      entityId: e.registrationId,
      customerId: e.customerId,
      summary,
    });
  }
}
