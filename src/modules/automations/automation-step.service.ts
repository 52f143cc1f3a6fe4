import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { AppException } from '../../common/problem/app.exception';
import { JobQueueService } from '../../infra/queue/job-queue.service';
import { JobName } from '../../infra/queue/job-names';
import { uuidFromKey } from '../../common/crypto/key-uuid';
import { CustomersService } from '../customers/customers.service';
import { NotificationsService } from '../notifications/notifications.service';
import { WebhookFanoutService } from '../outbound-webhooks/webhook-fanout.service';
import { ACTIVE_RUN_STATUSES, type AutomationAction, RunStatus, type RunStepRecord } from './automation.types';
import { AutomationRuleVersionsRepository } from './automation-rules.repository';
import { AutomationRunsRepository } from './automation-runs.repository';
import { stepJobId } from './automation-trigger.service';
import type { AutomationRun } from './entities/automation-run.entity';

const HOUR_MS = 3_600_000;
/** The event type of the "call a webhook" action's deliveries. */
export const AUTOMATION_WEBHOOK_EVENT = 'automation.webhook';
/** A step job that comes this early for its run's `resumeAt` (moved by hand, promoted) waits for the sweep. */
const EARLY_TOLERANCE_MS = 1_000;

/**
 * A hand-written text with `{{ customer.firstName }}` or `{{ data.x }}` filled in
 * (plain values only; anything else, or nothing there, is left empty).
 */
export function fillIn(text: string, scope: Record<string, unknown>): string {
  return text.replace(/\{\{\s*([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)\s*\}\}/g, (_, path: string) => {
    let value: unknown = scope;
    for (const part of path.split('.')) {
      if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, part)) return '';
      value = (value as Record<string, unknown>)[part];
    }
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  });
}

/** What one action did, and how long to wait before the next. */
interface Outcome {
  status: RunStepRecord['status'];
  detail: string | null;
  waitMs: number;
}

/**
 * Runs one step of a run, exactly once in effect: a step not at the run's
 * `currentStep` (done already) does nothing; its completion is written (with
 * the move to the next step, one conditional update) before the next step's
 * job is queued. Redoing a step whose write was lost is harmless: a message
 * has the key `automation:<runId>:<index>` (one message), and tags are set,
 * not toggled.
 */
@Injectable()
export class AutomationStepService {
  private readonly logger = new Logger('Automations');

  constructor(
    private readonly runs: AutomationRunsRepository,
    private readonly versions: AutomationRuleVersionsRepository,
    private readonly customers: CustomersService,
    private readonly notifications: NotificationsService,
    private readonly webhooks: WebhookFanoutService,
    private readonly jobs: JobQueueService,
  ) {}

  /** `lastAttempt`: a failure now fails the run (the job will not be retried). */
  async run(businessId: string, runId: string, index: number, lastAttempt: boolean, now = new Date()): Promise<string> {
    const run = await this.runs.findById(businessId, runId);
    if (!run || run.currentStep !== index || !ACTIVE_RUN_STATUSES.includes(run.status)) return 'already done';
    if (run.resumeAt && run.resumeAt.getTime() - now.getTime() > EARLY_TOLERANCE_MS) return 'not due yet';
    const version = await this.versions.findById(businessId, run.ruleVersionId);
    if (!version) return 'rule deleted';
    const action = version.actions[index];
    if (!action) {
      await this.runs.advance(businessId, runId, index, null, { status: RunStatus.completed, resumeAt: null, finishedAt: now });
      return 'completed';
    }
    let outcome: Outcome;
    try {
      outcome = await this.perform(run, index, action);
    } catch (err) {
      if (lastAttempt) {
        const detail = (err as Error).message.slice(0, 500);
        const failed: RunStepRecord = { index, type: action.type, status: 'failed', at: now.toISOString(), detail };
        await this.runs.advance(businessId, runId, index, failed, {
          status: RunStatus.failed,
          resumeAt: null,
          finishedAt: now,
          result: detail,
        });
      }
      throw err;
    }
    const last = index + 1 >= version.actions.length;
    const resumeAt = new Date(now.getTime() + outcome.waitMs);
    const status = outcome.waitMs > 0 ? RunStatus.waiting : last ? RunStatus.completed : RunStatus.running;
    const record: RunStepRecord = { index, type: action.type, status: outcome.status, at: now.toISOString(), detail: outcome.detail };
    const moved = await this.runs.advance(businessId, runId, index, record, {
      status,
      resumeAt: status === RunStatus.completed ? null : resumeAt,
      finishedAt: status === RunStatus.completed ? now : null,
    });
    if (moved && status !== RunStatus.completed)
      await this.jobs.enqueue(
        JobName.AutomationStep,
        { businessId, runId, index: index + 1 },
        { jobId: stepJobId(runId, index + 1), delayMs: outcome.waitMs || undefined },
      );
    return moved ? `step ${index} ${outcome.status}` : 'already done';
  }

  private async perform(run: AutomationRun, index: number, action: AutomationAction): Promise<Outcome> {
    const { businessId, customerId } = run;
    switch (action.type) {
      case 'wait':
        return { status: 'done', detail: `waiting ${action.hours} h`, waitMs: action.hours * HOUR_MS };
      case 'add_tag':
      case 'remove_tag': {
        const add = action.type === 'add_tag';
        const changed = await this.customers.changeTag(businessId, customerId, action.tag, add, { runId: run.id, ruleIds: run.chain });
        const detail = changed ? `${add ? 'added' : 'removed'} ${action.tag}` : `${action.tag} was already ${add ? 'there' : 'absent'}`;
        return { status: 'done', detail, waitMs: 0 };
      }
      case 'send_message':
        return this.send(run, index, action);
      case 'call_webhook':
        return this.callWebhook(run, index, action.endpointId);
    }
  }

  /** One `automation.webhook` event per run and step (its id derives from both, so a redone step delivers once). */
  private async callWebhook(run: AutomationRun, index: number, endpointId: string): Promise<Outcome> {
    const customer = await this.customers.getSummary(run.businessId, run.customerId);
    const eventId = uuidFromKey(run.businessId, 'automation-webhook', run.id, String(index));
    const data = {
      ruleId: run.ruleId,
      ruleVersion: run.ruleVersion,
      runId: run.id,
      step: index,
      trigger: run.trigger,
      customer,
      data: run.data ?? {},
    };
    const result = await this.webhooks.sendTo(run.businessId, endpointId, AUTOMATION_WEBHOOK_EVENT, data, eventId);
    return result.sent
      ? { status: 'done', detail: `webhook event ${eventId}`, waitMs: 0 }
      : { status: 'skipped', detail: result.reason ?? null, waitMs: 0 };
  }

  private async send(run: AutomationRun, index: number, action: Extract<AutomationAction, { type: 'send_message' }>): Promise<Outcome> {
    const customer = await this.customers.getSummary(run.businessId, run.customerId);
    const scope = { customer: customer ?? {}, data: run.data ?? {} };
    try {
      const { message } = await this.notifications.send(run.businessId, {
        customerId: run.customerId,
        channel: action.channel,
        kind: action.kind,
        template: action.template,
        subject: action.subject === undefined ? undefined : fillIn(action.subject, scope),
        body: action.body === undefined ? undefined : fillIn(action.body, scope),
        variables: { 'customer.firstName': customer?.firstName, 'customer.lastName': customer?.lastName, data: run.data ?? {} },
        key: `automation:${run.id}:${index}`,
      });
      return { status: 'done', detail: `message ${message.id}`, waitMs: 0 };
    } catch (err) {
      // What the message refuses for good (no consent, no address, no customer) skips the step; the rest is retried.
      if (err instanceof AppException && err.status < HttpStatus.INTERNAL_SERVER_ERROR) {
        this.logger.log(`Automation run ${run.id} step ${index}: not sent (${err.code})`);
        return { status: 'skipped', detail: `${err.code}: ${err.message}`.slice(0, 500), waitMs: 0 };
      }
      throw err;
    }
  }
}
