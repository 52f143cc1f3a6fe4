import type { AutomationEventData } from '../../infra/queue/job-names';
import type { AudienceRule } from '../customers/audience/audience-rule';
import type { Channel, MessageKind, TemplateKey } from '../notifications/notification.types';

/**
 * What starts a rule: one of our domain events about a customer, a date of
 * the customer's reached (`scheduled`), or a named event an outside system
 * fires through `POST /api/automations/events` (`external`).
 */
export enum TriggerType {
  appointmentBooked = 'appointment.booked',
  appointmentConfirmed = 'appointment.confirmed',
  appointmentCompleted = 'appointment.completed',
  appointmentCancelled = 'appointment.cancelled',
  appointmentNoShow = 'appointment.no_show',
  registrationConfirmed = 'registration.confirmed',
  paymentPaid = 'payment.paid',
  invoiceIssued = 'invoice.issued',
  customerCreated = 'customer.created',
  tagAdded = 'customer.tag_added',
  tagRemoved = 'customer.tag_removed',
  subscriberConfirmed = 'subscriber.confirmed',
  scheduled = 'scheduled',
  external = 'external',
}

export const TRIGGER_TYPES = Object.values(TriggerType);

/** The customer's date a scheduled trigger counts from. */
export type ScheduledDate = 'lastVisit' | 'birthday' | 'createdAt';
export const SCHEDULED_DATES: readonly ScheduledDate[] = ['lastVisit', 'birthday', 'createdAt'];

export interface AutomationTrigger {
  type: TriggerType;
  /** Tag triggers: only this tag (absent: any tag). */
  tag?: string;
  /** `external`: the event name outside systems send. */
  name?: string;
  /** `scheduled`: `days` days `direction` the customer's `date` (in the business time zone). */
  date?: ScheduledDate;
  days?: number;
  direction?: 'after' | 'before';
}

export interface SendMessageAction {
  type: 'send_message';
  channel: Channel;
  kind: MessageKind;
  /** A template (rendered with the customer and the trigger's data), or a hand-written `body` (and `subject` for email). */
  template?: TemplateKey;
  subject?: string;
  body?: string;
}

export interface TagAction {
  type: 'add_tag' | 'remove_tag';
  tag: string;
}

export interface WaitAction {
  type: 'wait';
  hours: number;
}

/** A step of a rule. A `call_webhook` action comes with the outbound webhooks feature. */
/** Sends an `automation.webhook` event (the rule, the run, the customer, the trigger's data) to one of the business's webhook endpoints, signed and retried like every delivery. */
export interface WebhookAction {
  type: 'call_webhook';
  endpointId: string;
}

export type AutomationAction = SendMessageAction | TagAction | WaitAction | WebhookAction;
export type AutomationActionType = AutomationAction['type'];
export const ACTION_TYPES: readonly AutomationActionType[] = ['send_message', 'add_tag', 'remove_tag', 'wait', 'call_webhook'];

/** A rule's behaviour: what a version freezes. */
export interface AutomationDefinition {
  trigger: AutomationTrigger;
  conditions: AudienceRule | null;
  actions: AutomationAction[];
}

export enum RunStatus {
  running = 'running',
  /** Waiting for a `wait` step's time to pass. */
  waiting = 'waiting',
  completed = 'completed',
  failed = 'failed',
  /** Not run: the event was caused by this rule for this customer (or the chain of rules was too long). */
  loopStopped = 'loop_stopped',
}

export const ACTIVE_RUN_STATUSES: readonly RunStatus[] = [RunStatus.running, RunStatus.waiting];

/** What a step did: `skipped` when it could not apply (a marketing message without consent, no address). */
export interface RunStepRecord {
  index: number;
  type: AutomationActionType;
  status: 'done' | 'skipped' | 'failed';
  at: string;
  detail: string | null;
}

export const AUTOMATION_LIMITS = {
  maxActions: 20,
  maxWaitHours: 24 * 365,
  maxScheduledDays: 365,
  /** Rules in one chain of causes (a rule whose action triggers another, …) before the chain is cut. */
  maxChain: 3,
  maxBody: 10_000,
  maxSubject: 200,
} as const;

/** The event an automation trigger job carries. */
export interface AutomationEvent extends AutomationEventData {
  trigger: TriggerType;
}
