/**
 * The audience rule language: a tree of AND/OR groups over customer fields
 * and computed facts. Segments store it, campaigns send to it, automations use
 * it as their conditions. It is validated by `audience-rule.schema.ts` (JSON
 * schema, depth and size limits) and compiled to one parameterised SQL query
 * by the customers repository: no value or field name ever reaches SQL as text.
 */
export type AudienceOperator = '=' | '!=' | '>' | '>=' | '<' | '<=' | 'in' | 'not in' | 'contains' | 'exists';

export const AUDIENCE_OPERATORS: readonly AudienceOperator[] = ['=', '!=', '>', '>=', '<', '<=', 'in', 'not in', 'contains', 'exists'];

/**
 * Every field a condition may name, and what its value is:
 * - text: `firstName`, `lastName`, `email`, `phone`, `source` (`=`, `!=`, `in`, `not in`, `contains`, `exists`)
 * - `language`: `he` | `en` (`=`, `!=`, `in`, `not in`)
 * - `tags`: `contains` one tag, `in` any of the tags, `not in` none of them, `exists` (has any tag)
 * - `emailConsent`, `smsConsent`: boolean (`=`, `!=`) — marketing consent per channel
 * - integers: `totalSpendAgorot`, `visitCount` (comparisons, `in`, `not in`)
 * - day counts (whole 24-hour days before now): `daysSinceLastActivity` (since the last visit, purchase
 *   or, with neither, since the customer was added), `daysSinceLastVisit` (attended appointment),
 *   `daysSinceLastPayment` (issued invoice or receipt), `daysSinceCreated`; comparisons, `=`, `!=`,
 *   and `exists` (false: it never happened — such customers match no comparison)
 * - `createdAt`: a calendar date `YYYY-MM-DD` in the business time zone (comparisons)
 * - `birthdayMonth`: 1–12 (`=`, `!=`, `in`, `not in`, `exists`)
 * - `bookedService`: a service id (`=` booked it at least once, `!=` never, `in` any of, `not in` none of)
 * - `registeredEvent`: an event id (same operators; confirmed or waitlisted registrations)
 * - `customField`: with `key` naming the custom field; value string, number or boolean
 *   (`=`, `!=`, comparisons on numbers, `contains` on text, `exists`)
 */
export type AudienceField =
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'phone'
  | 'source'
  | 'language'
  | 'tags'
  | 'emailConsent'
  | 'smsConsent'
  | 'totalSpendAgorot'
  | 'visitCount'
  | 'daysSinceLastActivity'
  | 'daysSinceLastVisit'
  | 'daysSinceLastPayment'
  | 'daysSinceCreated'
  | 'createdAt'
  | 'birthdayMonth'
  | 'bookedService'
  | 'registeredEvent'
  | 'customField';

export type AudienceValue = string | number | boolean | (string | number)[];

export interface AudienceCondition {
  field: AudienceField;
  /** Only with `field: 'customField'`: the custom field's key. */
  key?: string;
  operator: AudienceOperator;
  /** Absent only for `exists`, where it defaults to true (false: the field is empty). */
  value?: AudienceValue;
}

export interface AudienceGroup {
  /** `all`: every rule holds (AND); `any`: at least one does (OR). */
  match: 'all' | 'any';
  rules: AudienceNode[];
}

export type AudienceNode = AudienceGroup | AudienceCondition;

/** A rule tree always has a group at its root. */
export type AudienceRule = AudienceGroup;

export const isAudienceGroup = (node: AudienceNode): node is AudienceGroup => 'match' in node;

/** Limits the schema enforces. */
export const AUDIENCE_LIMITS = {
  /** Groups nested in groups, the root counting as 1. */
  maxDepth: 5,
  /** Rules (groups and conditions) in one group. */
  maxRulesPerGroup: 25,
  /** Conditions and groups in the whole tree. */
  maxNodes: 100,
  /** Items in an `in` / `not in` list. */
  maxListItems: 200,
  maxTextLength: 200,
} as const;
