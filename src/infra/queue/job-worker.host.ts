import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { Job, Worker } from 'bullmq';
import { RequestContext } from '../../common/http/request-context';
import type { AppConfig } from '../config/app-config';
import { AppRole } from '../config/env.schema';
import { JOB_HANDLER, JobHandlerContract } from './job-handler.decorator';
import { JOB_QUEUE, JobName, QueueName } from './job-names';
import { QUEUE_CONNECTION, QueueConnection } from './queue.port';

export class JobHandlerRegistryError extends Error {}

/** Emails (and SMS) a worker process sends at once: the queues wait on providers, not on the CPU. */
export const EMAIL_CONCURRENCY = 32;
export const SMS_CONCURRENCY = 16;
/** Webhook deliveries a worker process has in flight at once (each waits on a receiver, up to WEBHOOK_TIMEOUT_MS). */
export const WEBHOOK_CONCURRENCY = 32;

/**
 * Finds the handler of every job at boot (exactly one each, or boot fails) and,
 * in the worker role, runs one BullMQ Worker per queue that dispatches by job
 * name. Shutdown closes the workers, which waits for running jobs to finish.
 */
@Injectable()
export class JobWorkerHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly handlers = new Map<JobName, JobHandlerContract<JobName>>();
  private readonly workers: Worker[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @Inject(ConfigService) private readonly config: AppConfig,
    @Inject(QUEUE_CONNECTION) private readonly connection: QueueConnection,
  ) {}

  onApplicationBootstrap(): void {
    this.collectHandlers();
    const role = this.config.get('APP_ROLE', { infer: true });
    if (role === AppRole.api) return;
    for (const queue of Object.values(QueueName)) this.workers.push(this.startWorker(queue));
    this.logger.log(`Workers running on the ${this.connection.kind} backend: ${Object.values(QueueName).join(', ')}`);
  }

  /**
   * Workers drain before the application's connections close (those close in
   * `onApplicationShutdown`): a job still running must finish with its
   * database and queue, not against closed pools ("Driver not Connected", a
   * retry loop that keeps `close()` waiting).
   */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.close()));
  }

  private collectHandlers(): void {
    const found = new Map<JobName, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as JobHandlerContract<JobName> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.metatype) continue;
      const name = this.reflector.get<JobName | undefined>(JOB_HANDLER, wrapper.metatype);
      if (!name) continue;
      found.set(name, [...(found.get(name) ?? []), wrapper.name]);
      this.handlers.set(name, instance);
    }
    const problems: string[] = [];
    for (const name of Object.values(JobName)) {
      const classes = found.get(name) ?? [];
      if (classes.length !== 1) problems.push(`${name}: ${classes.length} handlers (${classes.join(', ') || 'none'})`);
    }
    if (problems.length) throw new JobHandlerRegistryError(`Every job needs exactly one handler:\n  ${problems.join('\n  ')}`);
  }

  private startWorker(queue: QueueName): Worker {
    const worker = new Worker(queue, (job: Job) => this.dispatch(queue, job), {
      connection: this.connection.options as never,
      prefix: this.connection.prefix,
      ...this.workerOptions(queue),
    });
    worker.on('failed', (job, err) =>
      this.logger.warn(`Job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`),
    );
    worker.on('error', (err) => this.logger.error(`Worker ${queue}: ${err.message}`));
    return worker;
  }

  /** Message queues wait on providers, so they run many jobs at once, under each channel's rate limit. */
  private workerOptions(queue: QueueName): { concurrency: number; limiter?: { max: number; duration: number } } {
    if (queue === QueueName.email)
      return {
        concurrency: EMAIL_CONCURRENCY,
        limiter: { max: this.config.get('EMAIL_MAX_PER_SECOND', { infer: true }), duration: 1_000 },
      };
    if (queue === QueueName.sms)
      return { concurrency: SMS_CONCURRENCY, limiter: { max: this.config.get('SMS_MAX_PER_SECOND', { infer: true }), duration: 1_000 } };
    if (queue === QueueName.whatsapp)
      return {
        concurrency: SMS_CONCURRENCY,
        limiter: { max: this.config.get('WHATSAPP_MAX_PER_SECOND', { infer: true }), duration: 1_000 },
      };
    // Payment jobs mostly wait on a gateway's answer.
    if (queue === QueueName.payments) return { concurrency: 8 };
    if (queue === QueueName.webhooks) return { concurrency: WEBHOOK_CONCURRENCY };
    return { concurrency: 4 };
  }

  private dispatch(queue: QueueName, job: Job): Promise<unknown> {
    const name = job.name as JobName;
    const handler = this.handlers.get(name);
    if (!handler || JOB_QUEUE[name] !== queue) throw new Error(`No handler for job ${job.name} on queue ${queue}`);
    return RequestContext.run({ requestId: `job:${job.id}` }, () => handler.handle(job.data, job));
  }
}
