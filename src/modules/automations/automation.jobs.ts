import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Job } from 'bullmq';
import type { AppConfig } from '../../infra/config/app-config';
import { JobHandler, type JobHandlerContract } from '../../infra/queue/job-handler.decorator';
import { JobQueueService } from '../../infra/queue/job-queue.service';
import { JobName, type JobPayloads } from '../../infra/queue/job-names';
import type { AutomationEvent } from './automation.types';
import { AutomationStepService } from './automation-step.service';
import { AutomationSweepService } from './automation-sweep.service';
import { AutomationTriggerService } from './automation-trigger.service';

@Injectable()
@JobHandler(JobName.AutomationEvent)
export class AutomationEventJob implements JobHandlerContract<JobName.AutomationEvent> {
  constructor(private readonly trigger: AutomationTriggerService) {}
  async handle(p: JobPayloads[JobName.AutomationEvent]): Promise<{ runs: number }> {
    return { runs: await this.trigger.fire(p.businessId, p.event as AutomationEvent) };
  }
}

@Injectable()
@JobHandler(JobName.AutomationStep)
export class AutomationStepJob implements JobHandlerContract<JobName.AutomationStep> {
  constructor(private readonly steps: AutomationStepService) {}
  handle(p: JobPayloads[JobName.AutomationStep], job: Job<JobPayloads[JobName.AutomationStep]>): Promise<string> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    return this.steps.run(p.businessId, p.runId, p.index, lastAttempt);
  }
}

/** Every AUTOMATION_SWEEP_INTERVAL_MS: lost steps re-queued, scheduled triggers fired. */
@Injectable()
@JobHandler(JobName.SweepAutomations)
export class SweepAutomationsJob implements JobHandlerContract<JobName.SweepAutomations>, OnApplicationBootstrap {
  private readonly intervalMs: number;

  constructor(
    private readonly sweeper: AutomationSweepService,
    private readonly jobs: JobQueueService,
    @Inject(ConfigService) config: AppConfig,
  ) {
    this.intervalMs = config.get('AUTOMATION_SWEEP_INTERVAL_MS', { infer: true });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.repeat(JobName.SweepAutomations, {}, this.intervalMs);
  }

  handle(): Promise<{ resumed: number; scheduled: number }> {
    return this.sweeper.sweep();
  }
}
