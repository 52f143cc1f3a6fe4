import type { AudienceField, AudienceOperator } from './audience-rule';

/** What a field's values are; the kind decides the operators and the SQL. */
export type AudienceFieldKind = 'text' | 'language' | 'tags' | 'boolean' | 'integer' | 'days' | 'date' | 'month' | 'id' | 'custom';

export const AUDIENCE_FIELD_KINDS: Record<AudienceField, AudienceFieldKind> = {
  firstName: 'text',
  lastName: 'text',
  email: 'text',
  phone: 'text',
  source: 'text',
  language: 'language',
  tags: 'tags',
  emailConsent: 'boolean',
  smsConsent: 'boolean',
  totalSpendAgorot: 'integer',
  visitCount: 'integer',
  daysSinceLastActivity: 'days',
  daysSinceLastVisit: 'days',
  daysSinceLastPayment: 'days',
  daysSinceCreated: 'days',
  createdAt: 'date',
  birthdayMonth: 'month',
  bookedService: 'id',
  registeredEvent: 'id',
  customField: 'custom',
};

const COMPARE: AudienceOperator[] = ['=', '!=', '>', '>=', '<', '<='];

export const AUDIENCE_KIND_OPERATORS: Record<AudienceFieldKind, readonly AudienceOperator[]> = {
  text: ['=', '!=', 'in', 'not in', 'contains', 'exists'],
  language: ['=', '!=', 'in', 'not in'],
  tags: ['contains', 'in', 'not in', 'exists'],
  boolean: ['=', '!='],
  integer: [...COMPARE, 'in', 'not in'],
  days: [...COMPARE, 'exists'],
  date: COMPARE,
  month: ['=', '!=', 'in', 'not in', 'exists'],
  id: ['=', '!=', 'in', 'not in'],
  custom: [...COMPARE, 'in', 'not in', 'contains', 'exists'],
};

/** The fields in the order the API documents them. */
export const AUDIENCE_FIELDS = Object.keys(AUDIENCE_FIELD_KINDS) as AudienceField[];

/** Custom field keys: letters (Hebrew too), digits, `_`, `-` and spaces — the same keys customers can carry. */
export const CUSTOM_FIELD_KEY_PATTERN = '^[\\p{L}\\p{N}_ -]{1,60}$';
