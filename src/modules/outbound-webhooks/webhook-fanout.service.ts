import { Injectable } from '@nestjs/common';
import type { DomainEventMap } from '../../common/domain-events/domain-event.map';
import { ConflictAppException, NotFoundAppException } from '../../common/problem/app.exception';
import { JobName } from '../../infra/queue/job-names';
import { JobQueueService } from '../../infra/queue/job-queue.service';
import type { WebhookDeliveryDetailDto } from './dto/webhook-delivery.dto';
import { WebhookEndpointStatus } from './entities/webhook-endpoint.entity';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { ALL_EVENTS, envelopeOf, pingEnvelope, type WebhookEventType } from './webhook-events';
import { webhookJobOptions } from './webhook-jobs';
import { toWebhookDeliveryDetailDto } from './webhook.mapper';

/**
 * Turns an event into deliveries: one envelope (one event id), a pending
 * delivery row per enabled endpoint subscribed to it, and one queued job each
 * for the first attempt.
 */
@Injectable()
export class WebhookFanoutService {
  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly jobs: JobQueueService,
  ) {}

  async publish<E extends WebhookEventType>(type: E, payload: DomainEventMap[E]): Promise<number> {
    const rows = await this.deliveries.insertForSubscribers(payload.businessId, envelopeOf(type, payload), ALL_EVENTS);
    await this.enqueue(payload.businessId, rows);
    return rows.length;
  }

  /** Sends a `ping` event to one endpoint (through the queue, like any event); 409 while it is disabled. */
  async ping(businessId: string, endpointId: string): Promise<WebhookDeliveryDetailDto> {
    const endpoint = await this.endpoints.findById(businessId, endpointId);
    if (!endpoint) throw new NotFoundAppException('webhook_endpoint', endpointId);
    if (endpoint.status !== WebhookEndpointStatus.enabled)
      throw new ConflictAppException('webhook_endpoint.disabled', 'The endpoint is disabled: enable it first');
    const envelope = pingEnvelope(businessId, endpointId);
    await this.enqueue(businessId, await this.deliveries.insertPending(businessId, [endpointId], envelope, new Date()));
    const row = await this.deliveries.findOne(businessId, { endpointId, eventId: envelope.id });
    return toWebhookDeliveryDetailDto(row!);
  }

  /**
   * An event for one endpoint (an automation's "call a webhook" action):
   * `eventId` makes it once, however often it is asked. `sent: false` when the
   * endpoint is missing or disabled.
   */
  async sendTo(
    businessId: string,
    endpointId: string,
    type: string,
    data: Record<string, unknown>,
    eventId: string,
    at = new Date(),
  ): Promise<{ sent: boolean; reason?: string }> {
    const endpoint = await this.endpoints.findById(businessId, endpointId);
    if (!endpoint) return { sent: false, reason: 'no such webhook endpoint' };
    if (endpoint.status !== WebhookEndpointStatus.enabled) return { sent: false, reason: 'the webhook endpoint is disabled' };
    const envelope = { id: eventId, type, createdAt: at.toISOString(), businessId, data };
    await this.deliveries.insertPending(businessId, [endpointId], envelope, at);
    // Queued again when the row existed already (a redone step): the job id is the delivery's, so it is added once.
    const row = await this.deliveries.findOne(businessId, { endpointId, eventId });
    if (row && row.status === 'pending' && row.attempts === 0) await this.enqueue(businessId, [row]);
    return { sent: true };
  }

  private async enqueue(businessId: string, rows: { id: string }[]): Promise<void> {
    await Promise.all(
      rows.map((r) =>
        this.jobs.enqueue(JobName.DeliverWebhook, { businessId, deliveryId: r.id, series: 0, attempt: 1 }, webhookJobOptions(r.id, 0, 1)),
      ),
    );
  }
}
