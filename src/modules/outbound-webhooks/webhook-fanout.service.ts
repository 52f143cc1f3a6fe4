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

  private async enqueue(businessId: string, rows: { id: string }[]): Promise<void> {
    await Promise.all(
      rows.map((r) =>
        this.jobs.enqueue(JobName.DeliverWebhook, { businessId, deliveryId: r.id, series: 0, attempt: 1 }, webhookJobOptions(r.id, 0, 1)),
      ),
    );
  }
}
