import { Channel } from '../notification.types';

/** The domain events a business can have its customers notified of. */
export enum NotifiableEvent {
  appointmentBooked = 'appointment.booked',
  appointmentRescheduled = 'appointment.rescheduled',
  appointmentCancelled = 'appointment.cancelled',
  appointmentReminder = 'appointment.reminder',
  registrationConfirmed = 'registration.confirmed',
  registrationWaitlisted = 'registration.waitlisted',
  registrationPromoted = 'registration.promoted',
  eventCancelled = 'event.cancelled',
}

export interface NotificationRules {
  senderName: string | null;
  replyTo: string | null;
  smsSender: string | null;
  events: Record<NotifiableEvent, Channel[]>;
  quietFrom: string;
  quietTo: string;
  shabbatFrom: string | null;
  shabbatTo: string | null;
}

const BOTH = [Channel.email, Channel.sms];

/** What a business has before it changes anything: email for every event, SMS too for appointments. */
export const DEFAULT_NOTIFICATION_RULES: NotificationRules = {
  senderName: null,
  replyTo: null,
  smsSender: null,
  events: {
    [NotifiableEvent.appointmentBooked]: BOTH,
    [NotifiableEvent.appointmentRescheduled]: BOTH,
    [NotifiableEvent.appointmentCancelled]: BOTH,
    [NotifiableEvent.appointmentReminder]: BOTH,
    [NotifiableEvent.registrationConfirmed]: [Channel.email],
    [NotifiableEvent.registrationWaitlisted]: [Channel.email],
    [NotifiableEvent.registrationPromoted]: BOTH,
    [NotifiableEvent.eventCancelled]: BOTH,
  },
  quietFrom: '22:00',
  quietTo: '08:00',
  shabbatFrom: '14:00',
  shabbatTo: '20:00',
};
