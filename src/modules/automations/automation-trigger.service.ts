import { Injectable, Logger } from '@nestjs/common';
import { JobQueueService } from '../../infra/queue/job-queue.service';
import { JobName } from '../../infra/queue/job-names';
import { CustomerAudienceService } from '../customers/customer-audience.service';
import { CustomersService } from '../customers/customers.service';
import { triggerTakes } from './automation-definition';
import { type AutomationEvent, AUTOMATION_LIMITS, RunStatus } from './automation.types';
import { AutomationRulesRepository, AutomationRuleVersionsRepository } from './automation-rules.repository';
import { AutomationRunsRepository } from './automation-runs.repository';
import type { AutomationRule } from './entities/automation-rule.entity';
import type { AutomationRun } from './entities/automation-run.entity';

/** The job id of a run's step: deterministic, so queuing a step twice queues it once. */
export const stepJobId = (runId: string, index: number) => `automation-step:${runId}:${index}`;

/**
 * Turns an event into runs: every enabled rule on its trigger whose
 * conditions the customer meets gets one run (once per event and customer,
 * however often the event is delivered) and its first step queued. A rule
 * caused by itself for this customer, or a chain of rules longer than
 * `maxChain`, gets a `loop_stopped` run instead, visible in the runs list.
 */
@Injectable()
export class AutomationTriggerService {
  private readonly logger = new Logger('Automations');

  constructor(
    private readonly rules: AutomationRulesRepository,
    private readonly versions: AutomationRuleVersionsRepository,
    private readonly runs: AutomationRunsRepository,
    private readonly audience: CustomerAudienceService,
    private readonly customers: CustomersService,
    private readonly jobs: JobQueueService,
  ) {}

  /** Runs started (or found started by an earlier delivery) for the event. */
  async fire(businessId: string, event: AutomationEvent): Promise<number> {
    const rules = (await this.rules.enabledFor(businessId, event.trigger)).filter((r) => triggerTakes(r.trigger, event));
    if (!rules.length) return 0;
    if (!(await this.customers.getSummary(businessId, event.customerId))) return 0;
    let started = 0;
    for (const rule of rules) if (await this.start(businessId, rule, event)) started++;
    return started;
  }

  /** One rule for one customer and event (also the scheduled sweep's way in); false when its conditions do not hold. */
  async start(businessId: string, rule: AutomationRule, event: AutomationEvent): Promise<boolean> {
    const version = await this.versions.findVersion(businessId, rule.id, rule.version);
    if (!version) throw new Error(`automation ${rule.id} has no version ${rule.version}`);
    if (version.conditions && !(await this.audience.matches(businessId, version.conditions, event.customerId))) return false;
    const chain = event.cause?.ruleIds ?? [];
    const loop = chain.includes(rule.id)
      ? 'the event was caused by this rule for this customer'
      : chain.length >= AUTOMATION_LIMITS.maxChain
        ? `the event comes from a chain of ${chain.length} rules (at most ${AUTOMATION_LIMITS.maxChain})`
        : null;
    const now = new Date();
    const inserted = await this.runs.insertIfAbsent(businessId, {
      ruleId: rule.id,
      ruleVersionId: version.id,
      ruleVersion: version.version,
      customerId: event.customerId,
      trigger: event.trigger,
      eventKey: event.eventKey.slice(0, 300),
      status: loop ? RunStatus.loopStopped : RunStatus.running,
      chain: [...chain, rule.id],
      data: event.data ?? null,
      resumeAt: loop ? null : now,
      result: loop ? `Stopped: ${loop}` : null,
      finishedAt: loop ? now : null,
    });
    if (loop) {
      if (inserted) this.logger.warn(`Automation ${rule.id} stopped for customer ${event.customerId}: ${loop}`);
      return true;
    }
    // A redelivered event finds its run: its first step is queued again (the same job id: a no-op if it is there).
    const run: AutomationRun | null =
      inserted ?? (await this.runs.findByEvent(businessId, rule.id, event.eventKey.slice(0, 300), event.customerId));
    if (run && run.status === RunStatus.running && run.currentStep === 0)
      await this.jobs.enqueue(JobName.AutomationStep, { businessId, runId: run.id, index: 0 }, { jobId: stepJobId(run.id, 0) });
    return true;
  }
}
