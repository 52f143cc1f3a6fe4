import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { JobHandler, JobHandlerContract } from '../../infra/queue/job-handler.decorator';
import { JobName } from '../../infra/queue/job-names';
import { JobQueueService } from '../../infra/queue/job-queue.service';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { webhookJobId, webhookJobOptions } from './webhook-jobs';

export const SWEEP_INTERVAL_MS = 60_000;
/** A delayed job may run a little late on a busy queue: only attempts overdue by more than this are swept. */
export const SWEEP_GRACE_MS = 2 * 60_000;
const SWEEP_BATCH = 500;

/**
 * Every minute: pending deliveries whose next attempt is overdue get their job
 * back. A fan-out writes its rows and then queues their jobs, so a crash or a
 * queue outage in between, or a job that failed for good (the database down
 * for its few tries), would otherwise leave a delivery pending for ever. The
 * job's own state decides: missing → queued; failed → retried; still waiting,
 * delayed or running → left alone; completed without recording (cannot
 * normally happen) → queued under a new id.
 */
@Injectable()
@JobHandler(JobName.SweepWebhookDeliveries)
export class SweepWebhookDeliveriesJob implements JobHandlerContract<JobName.SweepWebhookDeliveries>, OnApplicationBootstrap {
  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly jobs: JobQueueService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.repeat(JobName.SweepWebhookDeliveries, {}, SWEEP_INTERVAL_MS);
  }

  async handle(): Promise<{ requeued: number }> {
    const overdue = await this.deliveries.overdue(new Date(Date.now() - SWEEP_GRACE_MS), SWEEP_BATCH);
    let requeued = 0;
    for (const d of overdue) {
      const attempt = d.attempts + 1;
      const payload = { businessId: d.businessId, deliveryId: d.id, series: d.series, attempt };
      const job = await this.jobs.find(JobName.DeliverWebhook, webhookJobId(d.id, d.series, attempt));
      const state = job ? await job.getState() : 'missing';
      if (state === 'missing') await this.jobs.enqueue(JobName.DeliverWebhook, payload, webhookJobOptions(d.id, d.series, attempt));
      else if (state === 'failed') await job!.retry();
      else if (state === 'completed')
        await this.jobs.enqueue(JobName.DeliverWebhook, payload, {
          ...webhookJobOptions(d.id, d.series, attempt),
          jobId: `${webhookJobId(d.id, d.series, attempt)}.swept${Date.now()}`,
        });
      else continue;
      requeued++;
    }
    return { requeued };
  }
}
