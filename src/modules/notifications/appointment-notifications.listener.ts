import { Injectable, Logger } from '@nestjs/common';
import type { AppointmentEventPayload, DomainEventMap } from '../../common/domain-events/domain-event.map';
import { OnDomainEvent } from '../../common/domain-events/domain-events';
import { toZonedIso } from '../../common/time/zoned-time';
import { AppointmentsService } from '../appointments/appointments.service';
import { SelfServiceLinks } from '../appointments/public/self-service-links.service';
import { CalendarsService } from '../calendars/calendars.service';
import { MessageKind, TemplateKey, type TemplateVariables } from './notification.types';
import { NotificationsService } from './notifications.service';
import { NotifiableEvent } from './settings/notification-settings.defaults';
import { NotificationSettingsService } from './settings/notification-settings.service';

/**
 * Tells the customer about their appointment — booked, moved, cancelled, and
 * the reminders — on the channels the business chose for each event, in the
 * customer's language, with the self-service link. Each message has a key
 * (event, appointment, time), so a redelivered event sends it once.
 */
@Injectable()
export class AppointmentNotificationsListener {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly notifications: NotificationsService,
    private readonly settings: NotificationSettingsService,
    private readonly appointments: AppointmentsService,
    private readonly calendars: CalendarsService,
    private readonly links: SelfServiceLinks,
  ) {}

  @OnDomainEvent('appointment.booked')
  booked(e: DomainEventMap['appointment.booked']): Promise<void> {
    return this.notify(e, NotifiableEvent.appointmentBooked, TemplateKey.appointmentBooked, `${e.startsAt}`);
  }

  @OnDomainEvent('appointment.rescheduled')
  rescheduled(e: DomainEventMap['appointment.rescheduled']): Promise<void> {
    return this.notify(e, NotifiableEvent.appointmentRescheduled, TemplateKey.appointmentRescheduled, `${e.startsAt}`, {
      'appointment.previousStartsAt': e.previousStartsAt,
    });
  }

  @OnDomainEvent('appointment.cancelled')
  cancelled(e: DomainEventMap['appointment.cancelled']): Promise<void> {
    return this.notify(e, NotifiableEvent.appointmentCancelled, TemplateKey.appointmentCancelled, 'cancelled');
  }

  @OnDomainEvent('appointment.reminder_due')
  reminder(e: DomainEventMap['appointment.reminder_due']): Promise<void> {
    return this.notify(e, NotifiableEvent.appointmentReminder, TemplateKey.appointmentReminder, `${e.startsAt}/${e.offsetMinutes}`);
  }

  /** A message that cannot be prepared or sent is logged; the change that caused it has happened and stands. */
  private async notify(
    e: AppointmentEventPayload,
    event: NotifiableEvent,
    template: TemplateKey,
    occasion: string,
    extra: TemplateVariables = {},
  ): Promise<void> {
    try {
      await this.deliver(e, event, template, occasion, extra);
    } catch (err) {
      this.logger.warn(`Notification not sent: ${(err as Error).message}`);
    }
  }

  private async deliver(
    e: AppointmentEventPayload,
    event: NotifiableEvent,
    template: TemplateKey,
    occasion: string,
    extra: TemplateVariables = {},
  ): Promise<void> {
    const channels = (await this.settings.rules(e.businessId)).events[event];
    if (!channels.length) return;
    const a = await this.appointments.get(e.businessId, e.appointmentId);
    const calendar = await this.calendars.require(e.businessId, a.calendarId);
    const local = a.localStartsAt;
    const variables: TemplateVariables = {
      'customer.firstName': a.customer?.firstName ?? '',
      'customer.lastName': a.customer?.lastName ?? '',
      'service.name': a.serviceName,
      'calendar.name': calendar.name,
      'appointment.startsAt': a.startsAt.toISOString(),
      'appointment.endsAt': a.endsAt.toISOString(),
      'appointment.localDate': local.slice(0, 10),
      'appointment.localTime': toZonedIso(a.startsAt, a.timeZone).slice(11, 16),
      'appointment.meetingUrl': a.meetingUrl ?? '',
      selfServiceUrl: this.links.issue({ id: a.id, businessId: e.businessId, endsAt: a.endsAt }).url,
      price: a.priceAgorot,
      ...extra,
    };
    for (const channel of channels) {
      await this.notifications
        .send(e.businessId, {
          channel,
          kind: MessageKind.transactional,
          customerId: a.customerId,
          template,
          variables,
          key: `${template}/${a.id}/${occasion}/${channel}`,
        })
        .catch((err: Error) => this.logger.warn(`${template} for appointment ${a.id} by ${channel} not sent: ${err.message}`));
    }
  }
}
