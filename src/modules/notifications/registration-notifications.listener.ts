import { Injectable, Logger } from '@nestjs/common';
import type { DomainEventMap, RegistrationEventPayload } from '../../common/domain-events/domain-event.map';
import { OnDomainEvent } from '../../common/domain-events/domain-events';
import { EventsService } from '../business-events/events.service';
import { MessageKind, TemplateKey, type TemplateVariables } from './notification.types';
import { NotificationsService } from './notifications.service';
import { NotifiableEvent } from './settings/notification-settings.defaults';
import { NotificationSettingsService } from './settings/notification-settings.service';

/** Tells registrants their place: confirmed, waitlisted, promoted from the waitlist, or the event cancelled. */
@Injectable()
export class RegistrationNotificationsListener {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly notifications: NotificationsService,
    private readonly settings: NotificationSettingsService,
    private readonly events: EventsService,
  ) {}

  @OnDomainEvent('registration.confirmed')
  confirmed(e: RegistrationEventPayload): Promise<void> {
    return this.notify(e.businessId, e.eventId, [e], NotifiableEvent.registrationConfirmed, TemplateKey.registrationConfirmed);
  }

  @OnDomainEvent('registration.waitlisted')
  waitlisted(e: RegistrationEventPayload): Promise<void> {
    return this.notify(e.businessId, e.eventId, [e], NotifiableEvent.registrationWaitlisted, TemplateKey.registrationWaitlisted);
  }

  @OnDomainEvent('registration.promoted')
  promoted(e: RegistrationEventPayload): Promise<void> {
    return this.notify(e.businessId, e.eventId, [e], NotifiableEvent.registrationPromoted, TemplateKey.registrationPromoted);
  }

  @OnDomainEvent('event.cancelled')
  cancelled(e: DomainEventMap['event.cancelled']): Promise<void> {
    return this.notify(e.businessId, e.eventId, e.registrations, NotifiableEvent.eventCancelled, TemplateKey.eventCancelled);
  }

  /** A message that cannot be prepared or sent is logged; the change that caused it has happened and stands. */
  private async notify(
    businessId: string,
    eventId: string,
    registrations: { registrationId: string; customerId: string }[],
    event: NotifiableEvent,
    template: TemplateKey,
  ): Promise<void> {
    try {
      await this.deliver(businessId, eventId, registrations, event, template);
    } catch (err) {
      this.logger.warn(`Notification not sent: ${(err as Error).message}`);
    }
  }

  private async deliver(
    businessId: string,
    eventId: string,
    registrations: { registrationId: string; customerId: string }[],
    event: NotifiableEvent,
    template: TemplateKey,
  ): Promise<void> {
    const channels = (await this.settings.rules(businessId)).events[event];
    if (!channels.length || !registrations.length) return;
    const ev = await this.events.get(businessId, eventId);
    const variables: TemplateVariables = {
      'event.title': ev.title,
      'event.startsAt': ev.startsAt.toISOString(),
      'event.endsAt': ev.endsAt.toISOString(),
      'event.location': ev.location ?? '',
      'event.onlineUrl': ev.onlineUrl ?? '',
      price: ev.priceAgorot,
    };
    for (const r of registrations) {
      for (const channel of channels) {
        await this.notifications
          .send(businessId, {
            channel,
            kind: MessageKind.transactional,
            customerId: r.customerId,
            template,
            variables,
            key: `${template}/${r.registrationId}/${channel}`,
          })
          .catch((err: Error) =>
            this.logger.warn(`${template} for registration ${r.registrationId} by ${channel} not sent: ${err.message}`),
          );
      }
    }
  }
}
