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

/** How the dashboard names each field (Hebrew first). */
export const AUDIENCE_FIELD_LABELS: Record<AudienceField, { he: string; en: string }> = {
  firstName: { he: 'שם פרטי', en: 'First name' },
  lastName: { he: 'שם משפחה', en: 'Last name' },
  email: { he: 'אימייל', en: 'Email' },
  phone: { he: 'טלפון', en: 'Phone' },
  source: { he: 'מקור', en: 'Source' },
  language: { he: 'שפה', en: 'Language' },
  tags: { he: 'תגיות', en: 'Tags' },
  emailConsent: { he: 'הסכמה לדיוור באימייל', en: 'Email marketing consent' },
  smsConsent: { he: 'הסכמה לדיוור ב-SMS', en: 'SMS marketing consent' },
  totalSpendAgorot: { he: 'סך רכישות (אגורות)', en: 'Total spend (agorot)' },
  visitCount: { he: 'מספר ביקורים', en: 'Visits' },
  daysSinceLastActivity: { he: 'ימים מאז פעילות אחרונה', en: 'Days since last activity' },
  daysSinceLastVisit: { he: 'ימים מאז ביקור אחרון', en: 'Days since last visit' },
  daysSinceLastPayment: { he: 'ימים מאז תשלום אחרון', en: 'Days since last payment' },
  daysSinceCreated: { he: 'ימים מאז ההצטרפות', en: 'Days since added' },
  createdAt: { he: 'תאריך הצטרפות', en: 'Date added' },
  birthdayMonth: { he: 'חודש יום הולדת', en: 'Birthday month' },
  bookedService: { he: 'הזמין/ה שירות', en: 'Booked service' },
  registeredEvent: { he: 'נרשם/ה לאירוע', en: 'Registered to event' },
  customField: { he: 'שדה נוסף', en: 'Custom field' },
};
