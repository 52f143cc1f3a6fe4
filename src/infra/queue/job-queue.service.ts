import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { QueueDriver } from '../config/env.schema';
import { JobAddBatcher } from './job-add-batcher';
import { JOB_QUEUE, JobName, JobPayloads, QueueName } from './job-names';
import { QUEUE_CONNECTION, type QueueConnection } from './queue.port';

export interface EnqueueOptions {
  /** Deterministic id: a second enqueue with the same id is a no-op. */
  jobId?: string;
  delayMs?: number;
  attempts?: number;
  /** The first retry's wait; it doubles each time, with jitter. */
  retryDelayMs?: number;
}

/** A week of completed jobs to look at, and at most this many on Redis (its memory holds them). */
const KEEP_COMPLETED = { age: 7 * 86_400, count: 10_000 };

/**
 * Every job's options on the backend `kind` unless the enqueue says otherwise.
 * PostgreSQL keeps completed jobs by age only: BullMQ's PostgreSQL backend
 * enforces a count by sorting the queue's completed jobs at every completion,
 * which grows with the queue (10,000 sends slowed to a crawl), while removing
 * by age is an index range delete. Its jobs are on disk, not in memory.
 */
export function jobDefaults(kind: QueueDriver): JobsOptions {
  return {
    attempts: 5,
    backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
    removeOnComplete: kind === QueueDriver.postgres ? { age: KEEP_COMPLETED.age } : KEEP_COMPLETED,
    removeOnFail: { age: 30 * 86_400 },
  };
}

/** The one way side effects are scheduled: type-checked job names and payloads. */
@Injectable()
export class JobQueueService {
  private readonly batchers = new Map<QueueName, JobAddBatcher>();

  private readonly defaults: JobsOptions;

  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(QUEUE_CONNECTION) connection: QueueConnection,
  ) {
    this.defaults = jobDefaults(connection.kind);
  }

  queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  /** Adds the job; adds that meet on one queue share a round trip (JobAddBatcher). */
  enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions = {}): Promise<Job> {
    return this.batcher(JOB_QUEUE[name]).add(name, payload, {
      ...this.defaults,
      jobId: options.jobId,
      delay: options.delayMs,
      attempts: options.attempts ?? this.defaults.attempts,
      ...(options.retryDelayMs ? { backoff: { type: 'exponential', delay: options.retryDelayMs, jitter: 0.5 } } : {}),
    });
  }

  private batcher(name: QueueName): JobAddBatcher {
    let batcher = this.batchers.get(name);
    if (!batcher) {
      batcher = new JobAddBatcher(this.queue(name));
      this.batchers.set(name, batcher);
    }
    return batcher;
  }

  /** Creates or updates a repeatable job; its id is the job name, so it exists once. */
  async repeat<N extends JobName>(name: N, payload: JobPayloads[N], everyMs: number): Promise<void> {
    await this.queue(JOB_QUEUE[name]).upsertJobScheduler(
      name,
      { every: everyMs },
      { name, data: payload, opts: { removeOnComplete: 100, removeOnFail: 100 } },
    );
  }

  async find(name: JobName, jobId: string): Promise<Job | undefined> {
    return this.queue(JOB_QUEUE[name]).getJob(jobId);
  }

  /** Removes a pending job; false when it is gone or already running. */
  async cancel(name: JobName, jobId: string): Promise<boolean> {
    const job = await this.find(name, jobId);
    if (!job) return false;
    try {
      await job.remove();
      return true;
    } catch {
      return false;
    }
  }
}
