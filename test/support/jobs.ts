import type { Queue } from 'bullmq';

/** Polls a job until it completes or fails (BullMQ events differ per backend; state does not). */
export async function waitForJob(
  queue: Queue,
  jobId: string,
  timeoutMs = 20_000,
): Promise<{ state: string; returnvalue: unknown; failedReason?: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // The state first, then the job: a job read before its state would be the snapshot of a job
    // still running when the state then says it has finished (its return value still null).
    const state = await queue.getJobState(jobId);
    const job = state === 'completed' || state === 'failed' ? await queue.getJob(jobId) : undefined;
    if (job) return { state, returnvalue: job.returnvalue, failedReason: job.failedReason };
    if (Date.now() > deadline) throw new Error(`Job ${jobId} still ${state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
