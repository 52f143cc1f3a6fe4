import { DateTime } from 'luxon';
import { toE164 } from '../../../common/phone/phone';
import { likeContains } from '../customer-search';
import { AUDIENCE_FIELD_KINDS } from './audience-fields';
import { type AudienceCondition, type AudienceField, type AudienceNode, type AudienceRule, isAudienceGroup } from './audience-rule';

/** Positional parameters of one query: every value of a rule goes here, never into the SQL text. */
export class SqlParams {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** When "now" is (day counts) and the business time zone (calendar dates). */
export interface AudienceClock {
  now: Date;
  timeZone: string;
}

const DAY_MS = 86_400_000;

/** Columns of `customers c` that conditions read: a fixed map, so no field name from a request reaches SQL. */
const TEXT_COLUMNS: Partial<Record<AudienceField, string>> = {
  firstName: 'c.first_name',
  lastName: 'c.last_name',
  email: 'c.email',
  phone: 'c.phone',
  source: 'c.source',
  language: 'c.language',
};
const INTEGER_COLUMNS: Partial<Record<AudienceField, string>> = { totalSpendAgorot: 'c.total_spend_agorot', visitCount: 'c.visit_count' };
const BOOLEAN_COLUMNS: Partial<Record<AudienceField, string>> = { emailConsent: 'c.email_consent', smsConsent: 'c.sms_consent' };
/** The time each day count runs from; activity falls back to when the customer was added. */
const DAY_COLUMNS: Partial<Record<AudienceField, string>> = {
  daysSinceLastActivity: 'COALESCE(c.last_activity_at, c.created_at)',
  daysSinceLastVisit: 'c.last_visit_at',
  daysSinceLastPayment: 'c.last_paid_at',
  daysSinceCreated: 'c.created_at',
};
const FACT_KINDS: Partial<Record<AudienceField, string>> = { bookedService: 'service', registeredEvent: 'event' };

const column = (map: Partial<Record<AudienceField, string>>, field: AudienceField): string => {
  const c = map[field];
  if (!c) throw new Error(`no column for ${field}`);
  return c;
};

/** Text values compare as stored: emails lower-cased, phones in E.164 when they parse as one. */
function stored(field: AudienceField, value: string): string {
  if (field === 'email') return value.trim().toLowerCase();
  if (field === 'phone') return toE164(value) ?? value.trim();
  return value;
}

/** `a op b` for the six comparisons; `!=` treats a missing value as different. */
function compare(left: string, op: string, right: string): string {
  return op === '!=' ? `${left} IS DISTINCT FROM ${right}` : `${left} ${op} ${right}`;
}

function listCondition(left: string, op: 'in' | 'not in', array: string): string {
  return op === 'in' ? `${left} = ANY(${array})` : `NOT COALESCE(${left} = ANY(${array}), false)`;
}

/**
 * "Whole days since `at` compared with n" as a range of `at`, so the
 * comparison reads the column (and its index) directly: days ≥ n ⇔ at ≤ now − n days.
 */
function daysCondition(at: string, op: string, n: number, now: Date, p: SqlParams): string {
  const before = (days: number) => p.add(new Date(now.getTime() - days * DAY_MS));
  switch (op) {
    case '>=':
      return `${at} <= ${before(n)}`;
    case '>':
      return `${at} <= ${before(n + 1)}`;
    case '<=':
      return `${at} > ${before(n + 1)}`;
    case '<':
      return `${at} > ${before(n)}`;
    case '=':
      return `(${at} <= ${before(n)} AND ${at} > ${before(n + 1)})`;
    default:
      return `(${at} > ${before(n)} OR ${at} <= ${before(n + 1)})`;
  }
}

/** A calendar date of the business compared with a time: the day is [its midnight, the next midnight). */
function dateCondition(at: string, op: string, date: string, zone: string, p: SqlParams): string {
  const start = DateTime.fromISO(date, { zone }).startOf('day');
  const from = () => p.add(start.toJSDate());
  const to = () => p.add(start.plus({ days: 1 }).toJSDate());
  switch (op) {
    case '=':
      return `(${at} >= ${from()} AND ${at} < ${to()})`;
    case '!=':
      return `(${at} < ${from()} OR ${at} >= ${to()})`;
    case '>':
      return `${at} >= ${to()}`;
    case '>=':
      return `${at} >= ${from()}`;
    case '<':
      return `${at} < ${from()}`;
    default:
      return `${at} < ${to()}`;
  }
}

function factCondition(kind: string, op: string, value: unknown, p: SqlParams): string {
  const many = Array.isArray(value);
  const exists = `EXISTS (SELECT 1 FROM customer_facts f WHERE f.customer_id = c.id AND f.kind = ${p.add(kind)} AND f.ref_id ${
    many ? `= ANY(${p.add(value)}::uuid[])` : `= ${p.add(value)}::uuid`
  })`;
  return op === '=' || op === 'in' ? exists : `NOT ${exists}`;
}

function customCondition(cond: AudienceCondition, p: SqlParams): string {
  const { operator: op, value } = cond;
  // Every placeholder added must appear in the SQL (PostgreSQL cannot type an unused one).
  const key = p.add(cond.key);
  const json = `(c.custom_fields -> ${key}::text)`;
  const text = `(c.custom_fields ->> ${key}::text)`;
  if (op === 'exists')
    return value === false ? `(${json} IS NULL OR ${json} = 'null'::jsonb)` : `(${json} IS NOT NULL AND ${json} <> 'null'::jsonb)`;
  if (op === 'contains') return `(jsonb_typeof(${json}) = 'string' AND ${text} ILIKE ${p.add(likeContains(String(value)))})`;
  if (op === 'in' || op === 'not in') return listCondition(text, op, `${p.add((value as unknown[]).map(String))}::text[]`);
  if (op === '=' || op === '!=') {
    const cast = typeof value === 'number' ? 'numeric' : typeof value === 'boolean' ? 'boolean' : 'text';
    return compare(json, op, `to_jsonb(${p.add(value)}::${cast})`);
  }
  // Ordering compares numbers only; a CASE keeps the cast from ever seeing text.
  return `CASE WHEN jsonb_typeof(${json}) = 'number' THEN ${text}::numeric ${op} ${p.add(value)}::numeric ELSE false END`;
}

function condition(cond: AudienceCondition, clock: AudienceClock, p: SqlParams): string {
  const { field, operator: op, value } = cond;
  const kind = AUDIENCE_FIELD_KINDS[field];
  switch (kind) {
    case 'text':
    case 'language': {
      const col = column(TEXT_COLUMNS, field);
      if (op === 'exists') return value === false ? `(${col} IS NULL OR ${col} = '')` : `(${col} IS NOT NULL AND ${col} <> '')`;
      if (op === 'contains') return `${col} ILIKE ${p.add(likeContains(stored(field, String(value))))}`;
      if (op === 'in' || op === 'not in')
        return listCondition(col, op, `${p.add((value as string[]).map((v) => stored(field, v)))}::text[]`);
      return compare(col, op, `${p.add(stored(field, String(value)))}::text`);
    }
    case 'tags':
      if (op === 'exists') return value === false ? 'cardinality(c.tags) = 0' : 'cardinality(c.tags) > 0';
      if (op === 'contains') return `c.tags @> ARRAY[${p.add(value)}::text]`;
      return op === 'in' ? `c.tags && ${p.add(value)}::text[]` : `NOT (c.tags && ${p.add(value)}::text[])`;
    case 'boolean':
      return compare(column(BOOLEAN_COLUMNS, field), op === '=' ? '=' : '<>', `${p.add(value)}::boolean`);
    case 'integer': {
      const col = column(INTEGER_COLUMNS, field);
      if (op === 'in' || op === 'not in') return listCondition(col, op, `${p.add(value)}::bigint[]`);
      return compare(col, op, `${p.add(value)}::bigint`);
    }
    case 'days': {
      const at = column(DAY_COLUMNS, field);
      if (op === 'exists') return value === false ? `${at} IS NULL` : `${at} IS NOT NULL`;
      return daysCondition(at, op, value as number, clock.now, p);
    }
    case 'date':
      return dateCondition('c.created_at', op, value as string, clock.timeZone, p);
    case 'month': {
      const month = 'EXTRACT(MONTH FROM c.birthday)::int';
      if (op === 'exists') return value === false ? 'c.birthday IS NULL' : 'c.birthday IS NOT NULL';
      if (op === 'in' || op === 'not in') return listCondition(month, op, `${p.add(value)}::int[]`);
      return compare(month, op, `${p.add(value)}::int`);
    }
    case 'id':
      return factCondition(column(FACT_KINDS, field), op, value, p);
    case 'custom':
      return customCondition(cond, p);
  }
}

function node(n: AudienceNode, clock: AudienceClock, p: SqlParams): string {
  if (!isAudienceGroup(n)) return condition(n, clock, p);
  const parts = n.rules.map((r) => node(r, clock, p));
  return `(${parts.join(n.match === 'all' ? ' AND ' : ' OR ')})`;
}

/**
 * The WHERE condition over `customers c` for a rule tree already checked by
 * `checkAudienceRule`; its values are added to `params`.
 */
export function audienceCondition(rule: AudienceRule, clock: AudienceClock, params: SqlParams): string {
  return node(rule, clock, params);
}
