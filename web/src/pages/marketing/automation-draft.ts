import type { Schemas } from '../../api/client';
import type { Translate } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/he';
import { newId } from './rule-draft';

export type AutomationRule = Schemas['AutomationRuleDto'];
export type AutomationRun = Schemas['AutomationRunDto'];
type Trigger = Schemas['AutomationTriggerDto'];
type Action = AutomationRule['actions'][number];
type SendMessage = Schemas['SendMessageActionDto'];
export type TriggerType = Trigger['type'];
export type ActionType = Action['type'];
export type ScheduledDate = NonNullable<Trigger['date']>;

/** The triggers in the order the select offers them (the API's list). */
export const TRIGGER_TYPES: readonly TriggerType[] = [
  'appointment.booked',
  'appointment.confirmed',
  'appointment.completed',
  'appointment.cancelled',
  'appointment.no_show',
  'registration.confirmed',
  'payment.paid',
  'invoice.issued',
  'customer.created',
  'customer.tag_added',
  'customer.tag_removed',
  'subscriber.confirmed',
  'scheduled',
  'external',
];
export const TAG_TRIGGERS: ReadonlySet<TriggerType> = new Set(['customer.tag_added', 'customer.tag_removed']);
export const SCHEDULED_DATES: readonly ScheduledDate[] = ['lastVisit', 'birthday', 'createdAt'];
export const ACTION_TYPES: readonly ActionType[] = ['send_message', 'add_tag', 'remove_tag', 'wait'];
export const RUN_STATUSES: readonly AutomationRun['status'][] = ['running', 'waiting', 'completed', 'failed', 'loop_stopped'];

/** Templates an automation may send (the account mails are not among them). */
export const TEMPLATES: readonly NonNullable<SendMessage['template']>[] = [
  'appointment.booked',
  'appointment.rescheduled',
  'appointment.cancelled',
  'appointment.reminder',
  'registration.confirmed',
  'registration.waitlisted',
  'registration.promoted',
  'event.cancelled',
  'subscriber.confirm',
  'member.invitation',
  'payment.request',
  'payment.receipt',
  'invoice.issued',
];

/** The trigger as the dialog edits it: every option kept, so switching type and back loses nothing. */
export interface DraftTrigger {
  type: TriggerType;
  tag: string;
  name: string;
  date: ScheduledDate;
  days: string;
  direction: 'after' | 'before';
}

/** An action as the dialog edits it (one shape for all types, for the same reason). */
export interface DraftAction {
  id: number;
  type: ActionType;
  channel: SendMessage['channel'];
  kind: SendMessage['kind'];
  content: 'text' | 'template';
  template: string;
  subject: string;
  body: string;
  tag: string;
  hours: string;
}

export const newTrigger = (): DraftTrigger => ({
  type: 'customer.tag_added',
  tag: '',
  name: '',
  date: 'lastVisit',
  days: '',
  direction: 'after',
});

export const newAction = (type: ActionType = 'send_message'): DraftAction => ({
  id: newId(),
  type,
  channel: 'sms',
  kind: 'transactional',
  content: 'text',
  template: TEMPLATES[0],
  subject: '',
  body: '',
  tag: '',
  hours: '',
});

/** A whole number as typed; anything else goes as typed, for the API to name at its field. */
const integer = (text: string): number => {
  const n = Number(text.trim());
  return (text.trim() !== '' && Number.isFinite(n) ? n : text.trim()) as number;
};

export function toTrigger(d: DraftTrigger): Trigger {
  if (TAG_TRIGGERS.has(d.type)) return d.tag.trim() ? { type: d.type, tag: d.tag.trim() } : { type: d.type };
  if (d.type === 'external') return { type: d.type, name: d.name.trim() };
  if (d.type === 'scheduled')
    return { type: d.type, date: d.date, days: integer(d.days), direction: d.date === 'birthday' ? d.direction : 'after' };
  return { type: d.type };
}

export function fromTrigger(trigger: Trigger): DraftTrigger {
  return {
    ...newTrigger(),
    type: trigger.type,
    tag: trigger.tag ?? '',
    name: trigger.name ?? '',
    date: trigger.date ?? 'lastVisit',
    days: trigger.days === undefined ? '' : String(trigger.days),
    direction: trigger.direction ?? 'after',
  };
}

export function toAction(d: DraftAction): Action {
  if (d.type === 'wait') return { type: 'wait', hours: integer(d.hours) };
  if (d.type === 'add_tag' || d.type === 'remove_tag') return { type: d.type, tag: d.tag.trim() };
  const action: SendMessage = { type: 'send_message', channel: d.channel, kind: d.kind };
  if (d.content === 'template') action.template = d.template as SendMessage['template'];
  else {
    action.body = d.body;
    if (d.channel === 'email' && d.subject.trim()) action.subject = d.subject.trim();
  }
  return action;
}

export function fromAction(action: Action): DraftAction {
  const d = newAction(action.type);
  if (action.type === 'wait') return { ...d, hours: String(action.hours) };
  if (action.type !== 'send_message') return { ...d, tag: action.tag };
  return {
    ...d,
    channel: action.channel,
    kind: action.kind,
    content: action.template ? 'template' : 'text',
    template: action.template ?? TEMPLATES[0],
    subject: action.subject ?? '',
    body: action.body ?? '',
  };
}

/** A trigger in words: "תגית נוספה: VIP", "3 ימים אחרי הביקור האחרון". */
export function describeTrigger(trigger: Trigger, t: Translate): string {
  const type = t(`automations.trigger.${trigger.type}` as MessageKey);
  if (TAG_TRIGGERS.has(trigger.type) && trigger.tag)
    return t(trigger.type === 'customer.tag_added' ? 'automations.describe.tagAdded' : 'automations.describe.tagRemoved', {
      tag: trigger.tag,
    });
  if (trigger.type === 'external') return t('automations.describe.external', { name: trigger.name ?? '' });
  if (trigger.type === 'scheduled') {
    const at = trigger.date ?? 'lastVisit';
    const date = t(`automations.date.${at}` as MessageKey);
    const days = trigger.days ?? 0;
    const before = trigger.direction === 'before';
    if (days === 0) return t(`automations.onDate.${at}` as MessageKey);
    if (days === 1) return t(before ? 'automations.describe.beforeOne' : 'automations.describe.afterOne', { date });
    return t(before ? 'automations.describe.before' : 'automations.describe.after', { days, date });
  }
  return type;
}

/**
 * Where the API's field paths point in the dialog: `name`, `trigger.days`,
 * `actions.1.hours` (the action's draft id and its field), `conditions.rules.0.value`
 * (left to the caller, which knows the builder's paths).
 */
export interface PlacedErrors {
  fields: Record<string, string>;
  trigger: Record<string, string>;
  actions: Map<number, Record<string, string>>;
  conditions: { path: string; message: string }[];
  rest: string[];
}

export function placeAutomationErrors(
  errors: readonly { field: string; message: string }[],
  actions: readonly DraftAction[],
  /** The dashboard's message for a place (`trigger.days`, `action.hours`, `actions`), else the API's. */
  translate: (place: string, message: string) => string,
): PlacedErrors {
  const placed: PlacedErrors = { fields: {}, trigger: {}, actions: new Map(), conditions: [], rest: [] };
  for (const e of errors) {
    const parts = e.field.split('.');
    if (e.field === 'name' || e.field === 'actions') placed.fields[e.field] ??= translate(e.field, e.message);
    else if (parts[0] === 'trigger') placed.trigger[parts[1] ?? 'type'] ??= translate(`trigger.${parts[1] ?? 'type'}`, e.message);
    else if (parts[0] === 'conditions') placed.conditions.push({ path: e.field, message: e.message });
    else if (parts[0] === 'actions' && actions[Number(parts[1])]) {
      const id = actions[Number(parts[1])].id;
      const field = parts[2] ?? 'type';
      const own = placed.actions.get(id) ?? {};
      own[field] ??= translate(`action.${field}`, e.message);
      placed.actions.set(id, own);
    } else placed.rest.push(e.message);
  }
  return placed;
}
