import type { EnqueueOptions } from '../../infra/queue/job-queue.service';

/** Deterministic: attempt `attempt` of series `series` of a delivery is queued once however often it is asked for. */
export const webhookJobId = (deliveryId: string, series: number, attempt: number): string => `${deliveryId}.${series}.${attempt}`;

/**
 * A job is one HTTP attempt; the schedule between attempts is the delivery's own
 * (next_attempt_at). BullMQ's retries only cover the job itself failing (the
 * database unreachable while recording), a few times, quickly.
 */
export const webhookJobOptions = (deliveryId: string, series: number, attempt: number, delayMs = 0): EnqueueOptions => ({
  jobId: webhookJobId(deliveryId, series, attempt),
  delayMs: delayMs > 0 ? delayMs : undefined,
  attempts: 3,
  retryDelayMs: 5_000,
});
