/**
 * Every domain event and its payload. Services emit after their change is
 * committed; listeners (activity log now, notifications and invoices next)
 * enqueue jobs rather than doing work inline. Every payload names its business.
 */
export interface DomainEventMap {
  'business.registered': { businessId: string; userId: string };
  'business.updated': { businessId: string; changed: string[] };
  /** `inviteUrl` is empty for someone who already has an account (they are added at once). */
  'member.invited': { businessId: string; membershipId: string; userId: string; inviteUrl: string; by?: DomainEventActor | null };
  'member.joined': { businessId: string; membershipId: string; userId: string };
  'member.updated': { businessId: string; membershipId: string; role: string };
  'member.removed': { businessId: string; membershipId: string; userId: string };
  /**
   * Account mails (notifications sends them): a signed link to `to`, in the
   * language of `businessId` (the business the user acts for, or their first).
   * `url` is secret: a listener must not record it.
   */
  'account.password_reset_requested': AccountMailPayload & { validMinutes: number };
  'account.email_verification_requested': AccountMailPayload & { validHours: number };
  /** `to` is the new address; nothing changes until the link is followed. */
  'account.email_change_requested': AccountMailPayload & { validHours: number };
  'api_key.created': { businessId: string; apiKeyId: string };
  'api_key.revoked': { businessId: string; apiKeyId: string };
  /** `by` is who did it (absent for public forms, imports and other modules' side effects). */
  'customer.created': { businessId: string; customerId: string; source: string; by?: DomainEventActor | null };
  'customer.updated': { businessId: string; customerId: string; changed: string[]; by?: DomainEventActor | null };
  'customer.archived': { businessId: string; customerId: string; by?: DomainEventActor | null };
  'customer.restored': { businessId: string; customerId: string; by?: DomainEventActor | null };
  /** A tag was put on or taken off a customer (by the customers API or an automation's action; imports are not reported). */
  'customer.tag_added': CustomerTagEventPayload;
  'customer.tag_removed': CustomerTagEventPayload;
  'customer_import.finished': {
    businessId: string;
    importId: string;
    status: 'completed' | 'failed';
    created: number;
    updated: number;
    skipped: number;
    errors: number;
  };
  /** Event registrations (notifications will turn these into messages). `by` is absent for public sign-ups. */
  'registration.confirmed': RegistrationEventPayload;
  'registration.waitlisted': RegistrationEventPayload;
  /** A waitlisted registration took a freed place. */
  'registration.promoted': RegistrationEventPayload;
  'registration.cancelled': RegistrationEventPayload;
  /** The event was cancelled; every registration listed was cancelled with it. */
  'event.cancelled': {
    businessId: string;
    eventId: string;
    eventTitle: string;
    registrations: { registrationId: string; customerId: string }[];
    by?: DomainEventActor | null;
  };
  /** Marketing consent given (email: the double opt-in link was followed) or withdrawn, per channel. */
  'subscriber.confirmed': SubscriberEventPayload;
  'subscriber.unsubscribed': SubscriberEventPayload;
  /** A double opt-in link to send; `key` makes repeated sign-ups within a window send it once. */
  'subscriber.confirmation_requested': { businessId: string; subscriberId: string; confirmUrl: string; validDays: number; key: string };
  /** Appointments (notifications will turn these into messages; until then the activity log records them). */
  'appointment.booked': AppointmentEventPayload;
  'appointment.rescheduled': AppointmentEventPayload & { previousStartsAt: string; previousCalendarId: string };
  'appointment.cancelled': AppointmentEventPayload & { reason: string | null; cancelledBy: 'staff' | 'customer' };
  /** Staff edited what is not the time or the status (today: the notes). */
  'appointment.updated': AppointmentEventPayload & { changed: string[] };
  /** confirm, complete or no-show. */
  'appointment.status_changed': AppointmentEventPayload & { from: string; to: string };
  'appointment.reminder_due': AppointmentEventPayload & { offsetMinutes: number };
  /** A payment was settled as paid (once; the gateway confirmed it). */
  'payment.paid': {
    businessId: string;
    paymentId: string;
    customerId: string;
    amountAgorot: number;
    currency: string;
    appointmentId: string | null;
    registrationId: string | null;
  };
  /** A document was issued (tax invoice, invoice-receipt, receipt); a credit note emits `invoice.credited`. */
  'invoice.issued': InvoiceEventPayload;
  /** A credit note was issued against `creditedInvoiceId`. */
  'invoice.credited': InvoiceEventPayload & { creditedInvoiceId: string; creditedNumber: number; creditedType: string };
  /** A message left for its provider, or finally failed (the message log has the detail). */
  'message.sent': MessageEventPayload;
  /** Failed to send, or the provider reported it undelivered (`error` says which and why). */
  'message.failed': MessageEventPayload & { error: string };
  /** The provider reported it delivered (the recipient's phone or mail server took it). */
  'message.delivered': MessageEventPayload;
  /** The recipient's mail server refused it. */
  'message.bounced': MessageEventPayload & { error: string };
  /** The provider did not send it: the address is on its suppression list (an earlier bounce, unsubscribe or spam report). */
  'message.suppressed': MessageEventPayload & { error: string };
}

export interface AccountMailPayload {
  businessId: string;
  userId: string;
  to: string;
  name: string;
  url: string;
}

export interface MessageEventPayload {
  businessId: string;
  messageId: string;
  customerId: string | null;
  channel: string;
  template: string | null;
  to: string;
}

/** `issuedAt` is ISO 8601 UTC; amounts in agorot. */
export interface InvoiceEventPayload {
  businessId: string;
  invoiceId: string;
  type: string;
  number: number;
  customerId: string;
  totalAgorot: number;
  currency: string;
  issuedAt: string;
  by?: DomainEventActor | null;
}

export type DomainEventName = keyof DomainEventMap;

/** Who caused an event, when a person or an API key did. */
export interface DomainEventActor {
  kind: 'user' | 'api_key';
  id: string;
  name: string;
}

/**
 * What an automation's action carries into the events it causes: the run and
 * the chain of rules that led to it (the rule of the run last), so automations
 * can stop a rule that would trigger itself again for the same customer.
 */
export interface AutomationCause {
  runId: string;
  ruleIds: string[];
}

/** `at` is when the tag changed (ISO 8601 UTC); `cause` is set when an automation changed it. */
export interface CustomerTagEventPayload {
  businessId: string;
  customerId: string;
  tag: string;
  at: string;
  by?: DomainEventActor | null;
  cause?: AutomationCause | null;
}

export interface RegistrationEventPayload {
  businessId: string;
  eventId: string;
  eventTitle: string;
  registrationId: string;
  customerId: string;
  by?: DomainEventActor | null;
}

export interface SubscriberEventPayload {
  businessId: string;
  subscriberId: string;
  customerId: string | null;
  channel: 'email' | 'sms';
  /** The address the consent or refusal came from. */
  ip: string | null;
  /** How a refusal arrived when not by a link: a reply to an SMS (STOP, הסר), or the email provider (an unsubscribe or spam report there). */
  via?: 'sms_reply' | 'whatsapp_reply' | 'email_provider';
}

/** Times are ISO 8601 UTC; `by` is absent for the public booking pages and the system. */
export interface AppointmentEventPayload {
  businessId: string;
  appointmentId: string;
  customerId: string;
  calendarId: string;
  serviceId: string;
  serviceName: string;
  startsAt: string;
  endsAt: string;
  status: string;
  source: string;
  by?: DomainEventActor | null;
}
