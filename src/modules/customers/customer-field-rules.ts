import { CUSTOMER_FIELDS } from './customer-fields';

// The checks a customer field's value must pass and the message for each
// failure. The request DTOs (dto/customer-validators.ts) and the CSV import
// (csv/row.ts) both call these, so a value refused by one is refused by the
// other with the same words.

export type CustomFields = Record<string, string | number | boolean | null>;

/** Hebrew or Latin letters (with niqqud/accents), spaces, apostrophes, geresh, gershayim, dots and hyphens. */
export const PERSON_NAME = /^[\p{Script=Hebrew}\p{Script=Latin}][\p{Script=Hebrew}\p{Script=Latin}\p{M}\s'’"׳״.-]*$/u;
/** A custom field's key: letters, digits, `_`, space, `.` and `-`. */
export const CUSTOM_FIELD_KEY = /^[\p{L}\p{N}_ .-]{1,50}$/u;
/** The characters that separate tags in a CSV cell, so a tag cannot hold them. */
export const TAG_SEPARATORS = /[,;|]/;
export const TAG = /^[^,;|]+$/;

export const isPersonName = (value: string): boolean => PERSON_NAME.test(value);

const isCalendarDate = (value: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
};

/** `YYYY-MM-DD`, a real date between 1900-01-01 and today. */
export const isBirthday = (value: unknown): value is string =>
  typeof value === 'string' && isCalendarDate(value) && value >= '1900-01-01' && value <= new Date().toISOString().slice(0, 10);

const isCustomFieldValue = (v: unknown): boolean =>
  v === null ||
  typeof v === 'boolean' ||
  (typeof v === 'number' && Number.isFinite(v)) ||
  (typeof v === 'string' && v.length <= CUSTOMER_FIELDS.customFields.maxLength);

/** A flat object of limited keys whose values are short text, numbers, booleans or null. */
export const isCustomFields = (value: unknown): value is CustomFields => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value as Record<string, unknown>);
  return (
    entries.length <= CUSTOMER_FIELDS.customFields.maxItems && entries.every(([k, v]) => CUSTOM_FIELD_KEY.test(k) && isCustomFieldValue(v))
  );
};

/** The words of each refusal, by field name (or path). */
export const FIELD_MESSAGES = {
  tooLong: (field: string, max: number) => `${field} must be shorter than or equal to ${max} characters`,
  personName: (field: string) => `${field} must be written in Hebrew or Latin letters`,
  email: (field: string) => `${field} must be an email`,
  birthday: (field: string) => `${field} must be a past date written YYYY-MM-DD`,
  oneOf: (field: string, values: readonly string[]) => `${field} must be one of the following values: ${values.join(', ')}`,
  tooManyTags: (field: string) => `${field} must contain no more than ${CUSTOMER_FIELDS.tags.maxItems} elements`,
  tagTooLong: (field: string) => `each value in ${field} must be shorter than or equal to ${CUSTOMER_FIELDS.tags.maxLength} characters`,
  tagSeparator: () => 'each tag must be text without , ; or |',
  customFields: (field: string) =>
    `${field} must be an object of at most ${CUSTOMER_FIELDS.customFields.maxItems} keys (letters, digits, _ . -) whose values are text (up to ${CUSTOMER_FIELDS.customFields.maxLength} characters), numbers, booleans or null`,
  contactRequired: () => 'phone or email is required',
} as const;
