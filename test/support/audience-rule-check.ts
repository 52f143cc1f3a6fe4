import { AUDIENCE_OPERATORS, type AudienceField, type AudienceRule } from '../../src/modules/customers/audience/audience-rule';
import type { AudienceRuleValidation } from '../../src/modules/segments/text/segment-text-ai';

const FIELDS: readonly AudienceField[] = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'source',
  'language',
  'tags',
  'emailConsent',
  'smsConsent',
  'totalSpendAgorot',
  'visitCount',
  'daysSinceLastActivity',
  'daysSinceLastVisit',
  'daysSinceLastPayment',
  'daysSinceCreated',
  'createdAt',
  'birthdayMonth',
  'bookedService',
  'registeredEvent',
  'customField',
];

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** What is wrong with a node's shape, at `path`. */
function problems(node: unknown, path: string): string[] {
  if (!isObject(node)) return [`${path}: not an object`];
  if ('match' in node) {
    const errors = node.match === 'all' || node.match === 'any' ? [] : [`${path}.match: not all or any`];
    if (!Array.isArray(node.rules) || node.rules.length === 0) return [...errors, `${path}.rules: not a non-empty list`];
    return [...errors, ...node.rules.flatMap((r, i) => problems(r, `${path}.rules[${i}]`))];
  }
  const errors: string[] = [];
  if (!FIELDS.includes(node.field as AudienceField)) errors.push(`${path}.field: unknown field ${JSON.stringify(node.field)}`);
  if (!AUDIENCE_OPERATORS.includes(node.operator as never))
    errors.push(`${path}.operator: unknown operator ${JSON.stringify(node.operator)}`);
  if (node.operator !== 'exists' && node.value === undefined) errors.push(`${path}.value: missing`);
  return errors;
}

/**
 * A test's stand-in for the validator callers pass (the audience rule JSON
 * schema): the shape of the tree, known fields and operators, a value where
 * one is needed. Enough to tell a rule from a model's invention.
 */
export function checkAudienceRuleShape(rule: unknown): AudienceRuleValidation {
  const errors = isObject(rule) && 'match' in rule ? problems(rule, 'rule') : ['rule: the root must be a group'];
  return errors.length === 0 ? { ok: true, rule: rule as AudienceRule } : { ok: false, errors };
}
