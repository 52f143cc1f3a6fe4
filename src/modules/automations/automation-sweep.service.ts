import { Injectable, Logger } from '@nestjs/common';
import { DateTime } from 'luxon';
import { JobQueueService } from '../../infra/queue/job-queue.service';
import { JobName } from '../../infra/queue/job-names';
import { BusinessDirectory } from '../business/business-directory.service';
import { CustomersService } from '../customers/customers.service';
import { TriggerType } from './automation.types';
import { AutomationRulesRepository } from './automation-rules.repository';
import { AutomationRunsRepository } from './automation-runs.repository';
import { AutomationTriggerService, stepJobId } from './automation-trigger.service';
import type { AutomationRule } from './entities/automation-rule.entity';

/** Runs one sweep re-queues at most (the next sweep takes the rest). */
const RESUME_BATCH = 500;
/** A step this late has lost its job (a delayed job is due on time; a queued one runs within seconds). */
const LOST_AFTER_MS = 60_000;
const CUSTOMER_BATCH = 500;

/**
 * The automations sweeper: re-queues the next step of active runs whose job
 * was lost (their `resumeAt` passed a while ago), and fires the scheduled
 * triggers — customers whose date (last visit, creation, birthday) is the
 * rule's number of days from today in the business time zone; the run's event
 * key is the day, so a customer fires a rule once per day that matches.
 */
@Injectable()
export class AutomationSweepService {
  private readonly logger = new Logger('Automations');

  constructor(
    private readonly rules: AutomationRulesRepository,
    private readonly runs: AutomationRunsRepository,
    private readonly trigger: AutomationTriggerService,
    private readonly customers: CustomersService,
    private readonly directory: BusinessDirectory,
    private readonly jobs: JobQueueService,
  ) {}

  async sweep(now = new Date()): Promise<{ resumed: number; scheduled: number }> {
    const resumed = await this.resumeLost(now);
    let scheduled = 0;
    for (const rule of await this.rules.enabledScheduled()) {
      try {
        scheduled += await this.fireScheduled(rule, now);
      } catch (err) {
        this.logger.error(`Scheduled automation ${rule.id} failed: ${(err as Error).message}`);
      }
    }
    return { resumed, scheduled };
  }

  /** Re-queues the due step of active runs whose job is gone, finished early or failed. */
  async resumeLost(now: Date): Promise<number> {
    let resumed = 0;
    for (const run of await this.runs.due(new Date(now.getTime() - LOST_AFTER_MS), RESUME_BATCH)) {
      const id = stepJobId(run.id, run.currentStep);
      const job = await this.jobs.find(JobName.AutomationStep, id);
      const state = job ? await job.getState() : 'missing';
      if (state === 'waiting' || state === 'active' || state === 'delayed' || state === 'prioritized' || state === 'waiting-children')
        continue;
      if (job) await this.jobs.cancel(JobName.AutomationStep, id);
      await this.jobs.enqueue(JobName.AutomationStep, { businessId: run.businessId, runId: run.id, index: run.currentStep }, { jobId: id });
      resumed++;
    }
    return resumed;
  }

  private async fireScheduled(rule: AutomationRule, now: Date): Promise<number> {
    const { date, days = 0, direction = 'after' } = rule.trigger;
    if (!date) return 0;
    const { timezone } = await this.directory.require(rule.businessId);
    const today = DateTime.fromJSDate(now).setZone(timezone).startOf('day');
    const todayIso = today.toISODate()!;
    // "N days after the date" is today when the date was N days ago; "N days before" (a birthday) when it is N days ahead.
    const day = (direction === 'before' ? today.plus({ days }) : today.minus({ days })).toISODate()!;
    let fired = 0;
    let after: string | null = null;
    for (;;) {
      const ids = await this.customers.idsWithDateOn(rule.businessId, date, day, timezone, after, CUSTOMER_BATCH);
      for (const customerId of ids) {
        const event = { trigger: TriggerType.scheduled, customerId, eventKey: `scheduled:${todayIso}`, data: { date: day } };
        if (await this.trigger.start(rule.businessId, rule, event)) fired++;
      }
      if (ids.length < CUSTOMER_BATCH) return fired;
      after = ids[ids.length - 1];
    }
  }
}
