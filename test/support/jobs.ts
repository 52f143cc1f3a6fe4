import type { Queue } from 'bullmq';

/** Polls a job until it completes or fails (BullMQ events differ per backend; state does not). */
export async function waitForJob(
  queue: Queue,
  jobId: string,
  timeoutMs = 20_000,
): Promise<{ state: string; returnvalue: unknown; failedReason?: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await queue.getJob(jobId);
    const state = job ? await job.getState() : 'missing';
    if (job && (state === 'completed' || state === 'failed'))
      return { state, returnvalue: job.returnvalue, failedReason: job.failedReason };
    if (Date.now() > deadline) throw new Error(`Job ${jobId} still ${state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
