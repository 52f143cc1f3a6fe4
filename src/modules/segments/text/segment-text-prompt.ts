import { AUDIENCE_LIMITS, AUDIENCE_OPERATORS, type AudienceField } from '../../customers/audience/audience-rule';

/** What each field means to the model; a Record, so a field added to the language cannot be left out here. */
const FIELD_CATALOGUE: Record<AudienceField, string> = {
  firstName: 'text; operators =, !=, in, not in, contains, exists',
  lastName: 'text; operators =, !=, in, not in, contains, exists',
  email: 'text; operators =, !=, in, not in, contains, exists',
  phone: 'text (E.164, +972…); operators =, !=, in, not in, contains, exists',
  source: 'text: where the customer came from; operators =, !=, in, not in, contains, exists',
  language: '"he" or "en"; operators =, !=, in, not in',
  tags: 'contains (one tag, a string), in (any of a list), not in (none of a list), exists (has any tag); tags are written as the person wrote them',
  emailConsent: 'boolean: agreed to marketing email ("subscribed to the newsletter", "רשומים לדיוור"); operators =, !=',
  smsConsent: 'boolean: agreed to marketing SMS; operators =, !=',
  totalSpendAgorot: 'integer agorot spent in all: shekels × 100 (₪500 → 50000); operators =, !=, >, >=, <, <=, in, not in',
  visitCount: 'integer number of visits; operators =, !=, >, >=, <, <=, in, not in',
  daysSinceLastActivity: 'integer whole days since the last activity of any kind (null when never: only exists matches it)',
  daysSinceLastVisit: 'integer whole days since the last visit ("haven\'t visited in 90 days" → >= 90)',
  daysSinceLastPayment: 'integer whole days since the last payment ("paid in the last 14 days" → <= 14)',
  daysSinceCreated: 'integer whole days since the customer was added ("joined in the last 30 days" → <= 30)',
  createdAt: 'a date YYYY-MM-DD in the business time zone; operators >, >=, <, <=',
  birthdayMonth: 'integer month 1–12; operators =, !=, in, not in, exists',
  bookedService: 'a service id: you are never given ids, so do not use this field',
  registeredEvent: 'an event id: you are never given ids, so do not use this field',
  customField: 'a business-defined field named by "key": you are never given keys, so do not use this field',
};

/**
 * The instructions that turn a description into the audience rule JSON: the
 * rule language, our conventions for durations and money, and today's date
 * in the business time zone (for "this month").
 */
export function segmentSystemPrompt(today: { date: string; month: number }): string {
  const fields = Object.entries(FIELD_CATALOGUE)
    .map(([field, meaning]) => `- ${field}: ${meaning}`)
    .join('\n');
  return [
    'You translate a business owner’s description of customers (Hebrew or English) into an audience rule for a CRM.',
    'Answer with one JSON object and nothing else: {"rule": <group>} when the whole description can be expressed,',
    'or {"rule": null} when any part of it cannot be expressed with the fields below. Never leave a part out, never guess a value.',
    '',
    'A group is {"match": "all" | "any", "rules": [ ...conditions or groups ]} ("all" = and, "any" = or); the rule is always a group.',
    'A condition is {"field": <field>, "operator": <operator>, "value": <value>}; "value" is left out only for "exists".',
    `Operators: ${AUDIENCE_OPERATORS.join(', ')}. "in" and "not in" take a list.`,
    `Limits: ${AUDIENCE_LIMITS.maxDepth} levels of groups, ${AUDIENCE_LIMITS.maxRulesPerGroup} rules in a group, ${AUDIENCE_LIMITS.maxNodes} nodes in all, text values up to ${AUDIENCE_LIMITS.maxTextLength} characters.`,
    '',
    'Fields:',
    fields,
    '',
    'Conventions: a week is 7 days, a month 30, half a year 180, a year 365.',
    '"Inactive / not visited for N" is >= N days; "in the last N" is <= N days; "more than" is >, "at least" >=, "under" <, "up to" <=.',
    'Amounts are shekels unless said otherwise; write them as integer agorot.',
    `Today is ${today.date} (month ${today.month}) in the business time zone: "this month" is month ${today.month}.`,
  ].join('\n');
}

/** Today's date and month where the business is. */
export function todayIn(now: Date, timeZone: string): { date: string; month: number } {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return { date, month: Number(date.slice(5, 7)) };
}
