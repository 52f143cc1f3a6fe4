import type { Job, JobsOptions, Queue } from 'bullmq';

interface PendingAdd {
  name: string;
  data: unknown;
  opts: JobsOptions;
  resolve(job: Job): void;
  reject(err: unknown): void;
}

/** At most this many jobs go in one addBulk. */
export const MAX_ADD_BATCH = 100;

/**
 * Adds jobs to one queue, one call at a time: an add that comes while
 * another is on its way waits for it, and everything that waited then goes
 * as one `addBulk` (up to MAX_ADD_BATCH). An add to an idle queue goes at
 * once as a plain `add`, so a lone job waits for nothing; under load, many
 * jobs share one round trip and, on the PostgreSQL backend, one commit (each
 * add notifies the workers, and PostgreSQL serializes notifying commits, so
 * one-by-one adds would queue single file behind the disk's fsync). Each
 * caller gets its own job back; when a batch fails, every add in it fails
 * with that error, as each would have on its own (the backend was down).
 * Job ids keep their meaning: an id that exists already is not added again.
 */
export class JobAddBatcher {
  private pending: PendingAdd[] = [];
  private flushing = false;

  constructor(private readonly queue: Queue) {}

  add(name: string, data: unknown, opts: JobsOptions): Promise<Job> {
    return new Promise<Job>((resolve, reject) => {
      this.pending.push({ name, data, opts, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.pending.length) {
        const batch = this.pending.splice(0, MAX_ADD_BATCH);
        try {
          const jobs =
            batch.length === 1
              ? [await this.queue.add(batch[0].name, batch[0].data, batch[0].opts)]
              : await this.queue.addBulk(batch.map(({ name, data, opts }) => ({ name, data, opts })));
          batch.forEach((add, i) => add.resolve(jobs[i]));
        } catch (err) {
          for (const add of batch) add.reject(err);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
