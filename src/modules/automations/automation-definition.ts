import { isUuid } from '../../common/validation/uuid';
import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/problem/app.exception';
import type { FieldError } from '../../common/problem/problem-details';
import { checkAudienceRule } from '../customers/audience/audience-rule.schema';
import { CUSTOMER_FIELDS } from '../customers/customer-fields';
import { Channel, MessageKind, SECRET_LINK_TEMPLATES, TemplateKey } from '../notifications/notification.types';
import {
  ACTION_TYPES,
  type AutomationAction,
  type AutomationDefinition,
  type AutomationTrigger,
  AUTOMATION_LIMITS as L,
  SCHEDULED_DATES,
  type ScheduledDate,
  TRIGGER_TYPES,
  TriggerType,
} from './automation.types';

/** Event names outside systems send: letters, digits, `_ . -`, up to 60. */
export const EXTERNAL_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$/;

/** Templates an automation may send: not the account mails (their links are secrets for one person). */
export const AUTOMATION_TEMPLATES = Object.values(TemplateKey).filter((k) => !SECRET_LINK_TEMPLATES.has(k));

const TAG_TRIGGERS = new Set([TriggerType.tagAdded, TriggerType.tagRemoved]);

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

class Problems {
  readonly list: FieldError[] = [];
  add(field: string, message: string): void {
    this.list.push({ field, message });
  }
  /** Reports properties other than `allowed` of `o`. */
  only(o: Obj, allowed: string[], at: string): void {
    for (const key of Object.keys(o))
      if (!allowed.includes(key)) this.add(`${at}.${key}`, `is not allowed here (allowed: ${allowed.join(', ')})`);
  }
}

function checkTrigger(input: unknown, p: Problems): AutomationTrigger | null {
  if (!isObject(input)) return (p.add('trigger', 'must be an object'), null);
  const type = input.type as TriggerType;
  if (!TRIGGER_TYPES.includes(type)) return (p.add('trigger.type', `must be one of: ${TRIGGER_TYPES.join(', ')}`), null);
  if (TAG_TRIGGERS.has(type)) {
    p.only(input, ['type', 'tag'], 'trigger');
    if (input.tag !== undefined && !isText(input.tag, CUSTOMER_FIELDS.tags.maxLength))
      p.add('trigger.tag', `must be a tag of 1-${CUSTOMER_FIELDS.tags.maxLength} characters`);
    return input.tag === undefined ? { type } : { type, tag: String(input.tag).trim() };
  }
  if (type === TriggerType.external) {
    p.only(input, ['type', 'name'], 'trigger');
    if (typeof input.name !== 'string' || !EXTERNAL_NAME.test(input.name))
      p.add('trigger.name', 'is required: 1-60 letters, digits, "_", "." or "-", starting with a letter or digit');
    return { type, name: String(input.name) };
  }
  if (type === TriggerType.scheduled) {
    p.only(input, ['type', 'date', 'days', 'direction'], 'trigger');
    const date = input.date as ScheduledDate;
    if (!SCHEDULED_DATES.includes(date)) p.add('trigger.date', `must be one of: ${SCHEDULED_DATES.join(', ')}`);
    if (!isInt(input.days, 0, L.maxScheduledDays)) p.add('trigger.days', `must be an integer from 0 to ${L.maxScheduledDays}`);
    const direction = input.direction ?? 'after';
    if (direction !== 'after' && direction !== 'before') p.add('trigger.direction', 'must be after or before');
    else if (direction === 'before' && date !== 'birthday')
      p.add('trigger.direction', 'before is for birthday only (the other dates are past)');
    return { type, date, days: input.days as number, direction: direction as 'after' | 'before' };
  }
  p.only(input, ['type'], 'trigger');
  return { type };
}

function checkAction(input: unknown, at: string, p: Problems): AutomationAction | null {
  if (!isObject(input)) return (p.add(at, 'must be an object'), null);
  const type = input.type as AutomationAction['type'];
  if (!ACTION_TYPES.includes(type)) return (p.add(`${at}.type`, `must be one of: ${ACTION_TYPES.join(', ')}`), null);
  if (type === 'wait') {
    p.only(input, ['type', 'hours'], at);
    if (!isInt(input.hours, 1, L.maxWaitHours)) p.add(`${at}.hours`, `must be an integer from 1 to ${L.maxWaitHours}`);
    return { type, hours: input.hours as number };
  }
  if (type === 'add_tag' || type === 'remove_tag') {
    p.only(input, ['type', 'tag'], at);
    if (!isText(input.tag, CUSTOMER_FIELDS.tags.maxLength))
      p.add(`${at}.tag`, `must be a tag of 1-${CUSTOMER_FIELDS.tags.maxLength} characters`);
    return { type, tag: String(input.tag).trim() };
  }
  if (type === 'call_webhook') {
    p.only(input, ['type', 'endpointId'], at);
    if (typeof input.endpointId !== 'string' || !isUuid(input.endpointId))
      p.add(`${at}.endpointId`, 'must be the id of one of the business webhook endpoints');
    return { type, endpointId: String(input.endpointId) };
  }
  p.only(input, ['type', 'channel', 'kind', 'template', 'subject', 'body'], at);
  const channel = input.channel as Channel;
  const kind = input.kind as MessageKind;
  if (!Object.values(Channel).includes(channel)) p.add(`${at}.channel`, `must be one of: ${Object.values(Channel).join(', ')}`);
  if (!Object.values(MessageKind).includes(kind)) p.add(`${at}.kind`, `must be one of: ${Object.values(MessageKind).join(', ')}`);
  if ((input.template === undefined) === (input.body === undefined)) p.add(`${at}.template`, 'send a template or a body (one of them)');
  if (input.template !== undefined && !AUTOMATION_TEMPLATES.includes(input.template as TemplateKey))
    p.add(`${at}.template`, `must be one of: ${AUTOMATION_TEMPLATES.join(', ')}`);
  if (input.body !== undefined && !isText(input.body, L.maxBody)) p.add(`${at}.body`, `must be text of 1-${L.maxBody} characters`);
  if (input.subject !== undefined && !isText(input.subject, L.maxSubject))
    p.add(`${at}.subject`, `must be text of 1-${L.maxSubject} characters`);
  const action: AutomationAction = { type, channel, kind };
  if (input.template !== undefined) action.template = input.template as TemplateKey;
  if (input.body !== undefined) action.body = input.body as string;
  if (input.subject !== undefined) action.subject = (input.subject as string).trim();
  return action;
}

function checkActions(input: unknown, p: Problems): AutomationAction[] {
  if (!Array.isArray(input) || input.length < 1 || input.length > L.maxActions) {
    p.add('actions', `must be a list of 1-${L.maxActions} actions`);
    return [];
  }
  return input.map((a, i) => checkAction(a, `actions.${i}`, p)).filter((a): a is AutomationAction => a !== null);
}

/**
 * Checks a rule's trigger, conditions (the audience rule language, or null:
 * every customer) and actions as a client sent them. Returns what is given
 * (a partial update checks only its parts) or throws a 400 problem listing
 * each wrong field by its path (`actions.1.hours`).
 */
export function requireAutomationParts(input: {
  trigger?: unknown;
  conditions?: unknown;
  actions?: unknown;
}): Partial<AutomationDefinition> {
  const p = new Problems();
  const out: Partial<AutomationDefinition> = {};
  if (input.trigger !== undefined) out.trigger = checkTrigger(input.trigger, p) ?? undefined;
  if (input.conditions !== undefined) {
    if (input.conditions === null) out.conditions = null;
    else {
      const check = checkAudienceRule(input.conditions, 'conditions');
      if (check.ok) out.conditions = check.rule;
      else for (const e of check.errors) p.add(e.field, e.message);
    }
  }
  if (input.actions !== undefined) out.actions = checkActions(input.actions, p);
  if (p.list.length) {
    const first = p.list[0];
    throw new AppException(
      HttpStatus.BAD_REQUEST,
      'validation_failed',
      `The automation is invalid: ${first.field} ${first.message}`,
      p.list,
    );
  }
  return out;
}

/** Whether a rule's trigger takes this event (the tag of a tag trigger, the name of an external one). */
export function triggerTakes(trigger: AutomationTrigger, event: { trigger: TriggerType; tag?: string; name?: string }): boolean {
  if (trigger.type !== event.trigger) return false;
  if (TAG_TRIGGERS.has(trigger.type) && trigger.tag !== undefined) return trigger.tag === event.tag;
  if (trigger.type === TriggerType.external) return trigger.name === event.name;
  return true;
}
