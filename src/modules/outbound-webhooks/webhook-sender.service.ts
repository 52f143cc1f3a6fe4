import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Keyring } from '../../common/crypto/keyring';
import type { AppConfig } from '../../infra/config/app-config';
import { JobName, type JobPayloads } from '../../infra/queue/job-names';
import { JobQueueService } from '../../infra/queue/job-queue.service';
import { ActivityService } from '../activity/activity.service';
import { type WebhookDelivery, WebhookDeliveryStatus } from './entities/webhook-delivery.entity';
import { type WebhookEndpoint, WebhookEndpointStatus } from './entities/webhook-endpoint.entity';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookEndpointsRepository } from './webhook-endpoints.repository';
import { WebhookHttpClient, type WebhookResponse } from './webhook-http-client';
import { webhookJobOptions } from './webhook-jobs';
import { nextAttemptDelay, parseRetrySchedule } from './webhook-retry-schedule';
import { SIGNATURE_HEADER, signatureHeader } from './webhook-signature';
import { WebhookUrlGuard } from './webhook-url-guard';
import { WebhookUrlError } from './webhook-url.error';
import { orderedEnvelope } from './webhook.mapper';

/** An endpoint that has failed without a success for this long is disabled (besides WEBHOOK_DISABLE_AFTER_FAILURES in a row). */
export const DISABLE_AFTER_FAILING_MS = 24 * 3_600_000;
export const USER_AGENT = 'ChatGrow-Webhooks/1';

export type AttemptOutcome = 'succeeded' | 'retrying' | 'failed' | 'skipped';

const clip = (text: string | null, max: number): string | null => (text === null ? null : text.replaceAll('\u0000', '').slice(0, max));

/**
 * Makes one attempt of a delivery: signs the body with the endpoint's
 * secret(s), POSTs it through the SSRF guard, records the outcome by
 * compare-and-set (a duplicate job writes nothing), queues the next attempt
 * on the retry schedule or settles the delivery, and keeps the endpoint's
 * failure count, disabling it after too many failures in a row or a day of them.
 */
@Injectable()
export class WebhookSender implements OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly schedule: number[];
  private readonly disableAfterFailures: number;

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly jobs: JobQueueService,
    private readonly keyring: Keyring,
    private readonly guard: WebhookUrlGuard,
    private readonly client: WebhookHttpClient,
    private readonly activity: ActivityService,
    @Inject(ConfigService) config: AppConfig,
  ) {
    this.schedule = parseRetrySchedule(config.get('WEBHOOK_RETRY_SCHEDULE', { infer: true }));
    this.disableAfterFailures = config.get('WEBHOOK_DISABLE_AFTER_FAILURES', { infer: true });
  }

  onApplicationShutdown(): void {
    this.client.close();
  }

  async attempt(job: JobPayloads[JobName.DeliverWebhook]): Promise<AttemptOutcome> {
    const { businessId, deliveryId, series, attempt } = job;
    const delivery = await this.deliveries.findWithEndpoint(businessId, deliveryId);
    if (!delivery || delivery.status !== WebhookDeliveryStatus.pending || delivery.series !== series) return 'skipped';
    if (delivery.attempts >= attempt) {
      // Recorded already (a job run again after a crash): make sure the next attempt is queued.
      if (delivery.attempts === attempt && delivery.nextAttemptAt) await this.queue(delivery, attempt + 1, delivery.nextAttemptAt);
      return 'skipped';
    }
    if (delivery.attempts !== attempt - 1) return 'skipped';

    const endpoint = delivery.endpoint;
    if (!endpoint || endpoint.status !== WebhookEndpointStatus.enabled) {
      await this.deliveries.recordAttempt(
        businessId,
        deliveryId,
        { series, attemptsBefore: attempt - 1 },
        { status: WebhookDeliveryStatus.failed, nextAttemptAt: null, lastError: 'the endpoint is disabled' },
      );
      return 'failed';
    }

    const sentAt = new Date();
    const result = await this.send(endpoint, delivery, sentAt);
    const delay = result.ok ? null : nextAttemptDelay(this.schedule, attempt);
    const status = result.ok
      ? WebhookDeliveryStatus.succeeded
      : delay === null
        ? WebhookDeliveryStatus.failed
        : WebhookDeliveryStatus.pending;
    const nextAttemptAt = delay === null ? null : new Date(Date.now() + delay);
    const recorded = await this.deliveries.recordAttempt(
      businessId,
      deliveryId,
      { series, attemptsBefore: attempt - 1 },
      {
        status,
        attempts: attempt,
        nextAttemptAt,
        lastAttemptAt: sentAt,
        lastStatusCode: result.statusCode,
        lastError: clip(result.error, 500),
        responseSnippet: clip(result.snippet, 1024),
        durationMs: result.durationMs,
        ...(result.ok ? { deliveredAt: new Date() } : {}),
      },
    );
    if (!recorded) return 'skipped';
    await this.keepHealth(endpoint, result);
    if (nextAttemptAt) await this.queue(delivery, attempt + 1, nextAttemptAt);
    return result.ok ? 'succeeded' : nextAttemptAt ? 'retrying' : 'failed';
  }

  private async send(endpoint: WebhookEndpoint, delivery: WebhookDelivery, at: Date): Promise<WebhookResponse> {
    const envelope = orderedEnvelope(delivery.payload);
    const body = JSON.stringify(envelope);
    const timestamp = Math.floor(at.getTime() / 1000);
    try {
      const url = this.guard.parse(endpoint.url);
      return await this.client.post(url, body, {
        'Content-Type': 'application/json',
        'User-Agent': USER_AGENT,
        'ChatGrow-Event-Id': envelope.id,
        'ChatGrow-Event-Type': envelope.type,
        'ChatGrow-Delivery-Id': delivery.id,
        [SIGNATURE_HEADER]: signatureHeader(this.secretsOf(endpoint, at), timestamp, body),
      });
    } catch (err) {
      if (!(err instanceof WebhookUrlError)) throw err;
      return { ok: false, statusCode: null, error: err.message, snippet: null, durationMs: 0 };
    }
  }

  /** The current secret, and during the day after a rotation the previous one. */
  private secretsOf(endpoint: WebhookEndpoint, at: Date): string[] {
    const current = this.keyring.open(endpoint.secret);
    if (current === null) throw new Error(`The secret of webhook endpoint ${endpoint.id} cannot be opened with ENCRYPTION_KEY`);
    const previous =
      endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > at
        ? this.keyring.open(endpoint.previousSecret)
        : null;
    return previous ? [current, previous] : [current];
  }

  private async keepHealth(endpoint: WebhookEndpoint, result: WebhookResponse): Promise<void> {
    if (result.ok) {
      // The common case writes nothing: the count is already zero (as of this attempt's read).
      if (endpoint.consecutiveFailures > 0 || endpoint.failingSince) await this.endpoints.recordSuccess(endpoint.businessId, endpoint.id);
      return;
    }
    const state = await this.endpoints.recordFailure(endpoint.businessId, endpoint.id);
    if (!state) return;
    const reason =
      state.failures >= this.disableAfterFailures
        ? `${state.failures} failed attempts in a row`
        : Date.now() - state.failingSince.getTime() >= DISABLE_AFTER_FAILING_MS
          ? `failing since ${state.failingSince.toISOString()}`
          : null;
    if (!reason || !(await this.endpoints.disable(endpoint.businessId, endpoint.id, reason, new Date()))) return;
    this.logger.warn(`Webhook endpoint ${endpoint.id} of business ${endpoint.businessId} disabled: ${reason}`);
    await this.activity.recordEvent({
      businessId: endpoint.businessId,
      anonymous: 'system',
      action: 'webhook_endpoint.disabled',
      entityType: 'webhook_endpoint',
      entityId: endpoint.id,
      summary: `Webhook endpoint ${endpoint.url} disabled: ${reason}`,
    });
  }

  private async queue(delivery: WebhookDelivery, attempt: number, at: Date): Promise<void> {
    await this.jobs.enqueue(
      JobName.DeliverWebhook,
      { businessId: delivery.businessId, deliveryId: delivery.id, series: delivery.series, attempt },
      webhookJobOptions(delivery.id, delivery.series, attempt, at.getTime() - Date.now()),
    );
  }
}
