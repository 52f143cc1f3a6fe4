import { Injectable } from '@nestjs/common';
import { ConflictAppException, NotFoundAppException } from '../../common/problem/app.exception';
import { JobName } from '../../infra/queue/job-names';
import { JobQueueService } from '../../infra/queue/job-queue.service';
import type { WebhookDeliveryDetailDto, WebhookDeliveryDto } from './dto/webhook-delivery.dto';
import { type WebhookDelivery, WebhookDeliveryStatus } from './entities/webhook-delivery.entity';
import { WebhookEndpointStatus } from './entities/webhook-endpoint.entity';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { webhookJobOptions } from './webhook-jobs';
import { toWebhookDeliveryDetailDto, toWebhookDeliveryDto } from './webhook.mapper';

/** The delivery log of an endpoint, one delivery, and manual redelivery. */
@Injectable()
export class WebhookDeliveryLogService {
  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly jobs: JobQueueService,
  ) {}

  async list(
    businessId: string,
    endpointId: string,
    status: WebhookDeliveryStatus | undefined,
    page: { offset: number; limit: number },
  ): Promise<[WebhookDeliveryDto[], number]> {
    if (!(await this.endpoints.findById(businessId, endpointId))) throw new NotFoundAppException('webhook_endpoint', endpointId);
    const [rows, total] = await this.deliveries.pageForEndpoint(businessId, endpointId, status, page);
    return [rows.map(toWebhookDeliveryDto), total];
  }

  async get(businessId: string, id: string): Promise<WebhookDeliveryDetailDto> {
    return toWebhookDeliveryDetailDto(await this.require(businessId, id));
  }

  /**
   * A new series of attempts (the whole retry schedule again) with the same
   * event id and body, so a receiver that got it before can tell. 409 while
   * the delivery is still pending or its endpoint is disabled.
   */
  async redeliver(businessId: string, id: string): Promise<WebhookDeliveryDetailDto> {
    const delivery = await this.require(businessId, id);
    if (delivery.status === WebhookDeliveryStatus.pending)
      throw new ConflictAppException('webhook_delivery.pending', 'The delivery is still being attempted');
    const endpoint = await this.endpoints.findById(businessId, delivery.endpointId);
    if (endpoint?.status !== WebhookEndpointStatus.enabled)
      throw new ConflictAppException('webhook_endpoint.disabled', 'The endpoint is disabled: enable it first');
    const restarted = await this.deliveries.restart(businessId, id, new Date());
    if (!restarted) throw new ConflictAppException('webhook_delivery.pending', 'The delivery is still being attempted');
    await this.jobs.enqueue(
      JobName.DeliverWebhook,
      { businessId, deliveryId: id, series: restarted.series, attempt: 1 },
      webhookJobOptions(id, restarted.series, 1),
    );
    return toWebhookDeliveryDetailDto(restarted);
  }

  private async require(businessId: string, id: string): Promise<WebhookDelivery> {
    const row = await this.deliveries.findById(businessId, id);
    if (!row) throw new NotFoundAppException('webhook_delivery', id);
    return row;
  }
}
