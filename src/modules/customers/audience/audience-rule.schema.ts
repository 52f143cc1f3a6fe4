import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../../common/problem/app.exception';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FieldError } from '../../../common/problem/problem-details';
import { AUDIENCE_FIELD_KINDS, AUDIENCE_KIND_OPERATORS, type AudienceFieldKind, CUSTOM_FIELD_KEY_PATTERN } from './audience-fields';
import { AUDIENCE_LIMITS, type AudienceNode, type AudienceOperator, type AudienceRule, isAudienceGroup } from './audience-rule';

type Schema = Record<string, unknown>;

const L = AUDIENCE_LIMITS;
const text = { type: 'string', minLength: 1, maxLength: L.maxTextLength };
const scalarOf: Record<AudienceFieldKind, Schema> = {
  text,
  language: { enum: ['he', 'en'] },
  tags: text,
  boolean: { type: 'boolean' },
  integer: { type: 'integer', minimum: -1e15, maximum: 1e15 },
  days: { type: 'integer', minimum: 0, maximum: 36_500 },
  date: { type: 'string', format: 'date' },
  month: { type: 'integer', minimum: 1, maximum: 12 },
  id: { type: 'string', format: 'uuid' },
  custom: { oneOf: [text, { type: 'number', minimum: -1e15, maximum: 1e15 }, { type: 'boolean' }] },
};

/** The value an operator takes on a field of a kind (`undefined`: the value may be left out). */
function valueSchema(kind: AudienceFieldKind, op: AudienceOperator): Schema {
  if (op === 'exists') return { type: 'boolean' };
  if (op === 'in' || op === 'not in') {
    const item = kind === 'custom' ? { oneOf: [text, { type: 'number' }] } : scalarOf[kind];
    return { type: 'array', minItems: 1, maxItems: L.maxListItems, uniqueItems: true, items: item };
  }
  if (kind === 'custom' && ['>', '>=', '<', '<='].includes(op)) return { type: 'number', minimum: -1e15, maximum: 1e15 };
  if (kind === 'custom' && op === 'contains') return text;
  return scalarOf[kind];
}

function conditionSchema(field: string, kind: AudienceFieldKind): Schema {
  const ops = AUDIENCE_KIND_OPERATORS[kind];
  const properties: Schema = { field: { const: field }, operator: { enum: ops }, value: {} };
  if (kind === 'custom') properties.key = { type: 'string', pattern: CUSTOM_FIELD_KEY_PATTERN };
  return {
    type: 'object',
    required: kind === 'custom' ? ['field', 'key', 'operator'] : ['field', 'operator'],
    additionalProperties: false,
    properties,
    allOf: ops.map((op) => ({
      if: { properties: { operator: { const: op } } },
      then: { required: op === 'exists' ? [] : ['value'], properties: { value: valueSchema(kind, op) } },
    })),
  };
}

/**
 * The JSON schema of a rule tree. Depth is bounded in the schema itself: the
 * group definitions are unrolled one per level, and the deepest level admits
 * conditions only.
 */
export function audienceRuleSchema(): Schema {
  const $defs: Schema = {
    condition: {
      type: 'object',
      required: ['field'],
      discriminator: { propertyName: 'field' },
      oneOf: Object.entries(AUDIENCE_FIELD_KINDS).map(([field, kind]) => conditionSchema(field, kind)),
    },
  };
  for (let depth = 1; depth <= L.maxDepth; depth++) {
    $defs[`group${depth}`] = {
      type: 'object',
      required: ['match', 'rules'],
      additionalProperties: false,
      properties: {
        match: { enum: ['all', 'any'] },
        rules: {
          type: 'array',
          minItems: 1,
          maxItems: L.maxRulesPerGroup,
          items: {
            if: { type: 'object', required: ['match'] },
            then: depth < L.maxDepth ? { $ref: `#/$defs/group${depth + 1}` } : false,
            else: { $ref: '#/$defs/condition' },
          },
        },
      },
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://chatgrow.dev/schemas/audience-rule.json',
    $ref: '#/$defs/group1',
    $defs,
  };
}

let compiled: ValidateFunction | null = null;
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ discriminator: true, allErrors: false, strict: true, strictRequired: false, allowUnionTypes: true });
    addFormats(ajv, ['date', 'uuid']);
    compiled = ajv.compile(audienceRuleSchema());
  }
  return compiled;
}

/** `rules/0/value` → `rules.0.value`, under `prefix`. */
const pathOf = (prefix: string, pointer: string) =>
  [
    prefix,
    ...pointer
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')),
  ]
    .filter(Boolean)
    .join('.');

/** Errors about a property, reported on the object, are placed on the property. */
function propertyOf(e: ErrorObject): string {
  if (e.keyword === 'discriminator') return `/${(e.params as { tag: string }).tag}`;
  if (e.keyword === 'required') return `/${(e.params as { missingProperty: string }).missingProperty}`;
  return '';
}

function messageOf(e: ErrorObject): string {
  if (e.keyword === 'false schema') return `groups nest at most ${L.maxDepth} levels deep`;
  if (e.keyword === 'discriminator') return `field must be one of: ${Object.keys(AUDIENCE_FIELD_KINDS).join(', ')}`;
  if (e.keyword === 'enum') return `must be one of: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  if (e.keyword === 'required') return 'is required';
  if (e.keyword === 'additionalProperties')
    return `has an unknown property "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  return e.message ?? 'is invalid';
}

function countNodes(node: AudienceNode): number {
  return isAudienceGroup(node) ? 1 + node.rules.reduce((n, r) => n + countNodes(r), 0) : 1;
}

export type AudienceRuleCheck = { ok: true; rule: AudienceRule } | { ok: false; errors: FieldError[] };

/**
 * Checks a rule tree sent by a client (or an AI): its shape, fields,
 * operators and values against the schema, then its total size. Field paths
 * in the errors start at `prefix` (the body property holding the rule).
 */
export function checkAudienceRule(input: unknown, prefix = 'rule'): AudienceRuleCheck {
  const validate = validator();
  if (!validate(input)) {
    const e = (validate.errors ?? []).find((x) => x.keyword !== 'if') ?? validate.errors?.[0];
    const field = e ? pathOf(prefix, e.instancePath + propertyOf(e)) : prefix;
    return { ok: false, errors: [{ field: field || prefix, message: e ? messageOf(e) : 'is invalid' }] };
  }
  const rule = input as AudienceRule;
  const nodes = countNodes(rule);
  if (nodes > L.maxNodes) {
    return { ok: false, errors: [{ field: prefix, message: `has ${nodes} rules; at most ${L.maxNodes} are allowed` }] };
  }
  return { ok: true, rule };
}

/** The checked rule, or a 400 problem naming the field path of what is wrong. */
export function requireAudienceRule(input: unknown, prefix = 'rule'): AudienceRule {
  const check = checkAudienceRule(input, prefix);
  if (check.ok) return check.rule;
  throw new AppException(
    HttpStatus.BAD_REQUEST,
    'validation_failed',
    `The audience rule is invalid: ${check.errors[0].field} ${check.errors[0].message}`,
    check.errors,
  );
}
