import { randomUUID } from 'node:crypto';
import type { DomainEventMap, DomainEventName } from '../../common/domain-events/domain-event.map';
import type { WebhookEnvelope } from './entities/webhook-delivery.entity';

/**
 * The domain events a business may subscribe an endpoint to: adding one is one
 * line here (the listener subscribes to every name in this list).
 */
export const WEBHOOK_EVENT_TYPES = [
  'appointment.booked',
  'appointment.rescheduled',
  'appointment.cancelled',
  'appointment.updated',
  'appointment.status_changed',
  'registration.confirmed',
  'registration.waitlisted',
  'registration.promoted',
  'registration.cancelled',
  'customer.created',
  'customer.updated',
  'customer.archived',
  'customer.restored',
  'customer.tag_added',
  'customer.tag_removed',
  'payment.paid',
  'invoice.issued',
  'invoice.credited',
  'message.delivered',
  'message.failed',
  'subscriber.confirmed',
  'subscriber.unsubscribed',
] as const satisfies readonly DomainEventName[];

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** `POST /api/webhooks/endpoints/:id/test` sends this; no endpoint subscribes to it. */
export const PING_EVENT = 'ping';

/** Subscribes an endpoint to every type in the list, present and future. */
export const ALL_EVENTS = '*';

/**
 * Payload members never sent to a receiver: the business (it is on the
 * envelope), who did it inside ChatGrow (`by`: a staff member's or API key's
 * id and name) and a subscriber's IP address (personal data the receiver does
 * not need).
 */
const INTERNAL_FIELDS = new Set(['businessId', 'by', 'ip']);

/** The envelope of one occurrence of an event: `{ id, type, createdAt, businessId, data }`, `data` the payload without internal fields. */
export function envelopeOf<E extends WebhookEventType>(type: E, payload: DomainEventMap[E], at = new Date()): WebhookEnvelope {
  const data = Object.fromEntries(Object.entries(payload).filter(([k, v]) => !INTERNAL_FIELDS.has(k) && v !== undefined));
  return { id: randomUUID(), type, createdAt: at.toISOString(), businessId: payload.businessId, data };
}

export function pingEnvelope(businessId: string, endpointId: string, at = new Date()): WebhookEnvelope {
  return { id: randomUUID(), type: PING_EVENT, createdAt: at.toISOString(), businessId, data: { endpointId } };
}

/** Whether an endpoint that chose `chosen` receives `type`. */
export const subscribes = (chosen: readonly string[], type: string): boolean => chosen.includes(ALL_EVENTS) || chosen.includes(type);
