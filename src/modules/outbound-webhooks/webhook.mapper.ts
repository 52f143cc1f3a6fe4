import type { WebhookDeliveryDetailDto, WebhookDeliveryDto } from './dto/webhook-delivery.dto';
import type { WebhookEndpointDto } from './dto/webhook-endpoint.dto';
import type { WebhookDelivery, WebhookEnvelope } from './entities/webhook-delivery.entity';
import type { WebhookEndpoint } from './entities/webhook-endpoint.entity';

export const toWebhookEndpointDto = (e: WebhookEndpoint): WebhookEndpointDto => ({
  id: e.id,
  url: e.url,
  description: e.description,
  eventTypes: e.eventTypes,
  status: e.status,
  disabledReason: e.disabledReason,
  disabledAt: e.disabledAt,
  consecutiveFailures: e.consecutiveFailures,
  previousSecretExpiresAt: e.previousSecretExpiresAt && e.previousSecretExpiresAt > new Date() ? e.previousSecretExpiresAt : null,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});

export const toWebhookDeliveryDto = (d: WebhookDelivery): WebhookDeliveryDto => ({
  id: d.id,
  endpointId: d.endpointId,
  eventId: d.eventId,
  eventType: d.eventType,
  status: d.status,
  attempts: d.attempts,
  redeliveries: d.series,
  nextAttemptAt: d.nextAttemptAt,
  lastAttemptAt: d.lastAttemptAt,
  lastStatusCode: d.lastStatusCode,
  lastError: d.lastError,
  responseSnippet: d.responseSnippet,
  durationMs: d.durationMs,
  deliveredAt: d.deliveredAt,
  createdAt: d.createdAt,
});

/** The envelope with its members in their documented order (jsonb keeps its own). */
export const orderedEnvelope = (p: WebhookEnvelope): WebhookEnvelope => ({
  id: p.id,
  type: p.type,
  createdAt: p.createdAt,
  businessId: p.businessId,
  data: p.data,
});

export const toWebhookDeliveryDetailDto = (d: WebhookDelivery): WebhookDeliveryDetailDto => ({
  ...toWebhookDeliveryDto(d),
  payload: orderedEnvelope(d.payload),
});
