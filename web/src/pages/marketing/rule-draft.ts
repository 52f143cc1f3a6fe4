import type { Schemas } from '../../api/client';

export type AudienceRule = Schemas['AudienceRuleDto'];
export type AudienceField = Schemas['AudienceFieldDto'];
type Condition = Schemas['AudienceConditionDto'];
type Kind = AudienceField['kind'];

/** A condition as the builder edits it: the value is what the person typed or chose. */
export interface DraftCondition {
  type: 'condition';
  id: number;
  field: string;
  key: string;
  operator: string;
  text: string;
}

export interface DraftGroup {
  type: 'group';
  id: number;
  match: 'all' | 'any';
  rules: DraftNode[];
}

export type DraftNode = DraftCondition | DraftGroup;

/** The deepest nesting the API accepts (the root group counts). */
export const MAX_DEPTH = 5;

let nextId = 1;
export const newId = () => nextId++;

export function newCondition(fields: AudienceField[]): DraftCondition {
  const first = fields[0];
  return { type: 'condition', id: newId(), field: first?.field ?? '', key: '', operator: first?.operators[0] ?? '=', text: '' };
}

export const newGroup = (fields: AudienceField[]): DraftGroup => ({
  type: 'group',
  id: newId(),
  match: 'all',
  rules: [newCondition(fields)],
});

/** Money is typed in shekels; the rule holds agorot. */
export const MONEY_FIELDS = new Set(['totalSpendAgorot']);

const number = (text: string): number | string => {
  const n = Number(text.trim().replace(/,/g, ''));
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
};

/** The rule value for what was typed; text that is not a number where one is needed goes as typed, for the API to name. */
function valueOf(kind: Kind, field: string, operator: string, text: string): Condition['value'] {
  if (operator === 'exists') return text !== 'false';
  const scalar = (s: string): string | number | boolean => {
    if (kind === 'boolean') return s === 'true';
    if (MONEY_FIELDS.has(field)) {
      const n = number(s);
      return typeof n === 'number' ? Math.round(n * 100) : n;
    }
    if (kind === 'integer' || kind === 'days' || kind === 'month') return number(s);
    if (kind === 'custom') {
      if (['>', '>=', '<', '<='].includes(operator)) return number(s);
      if (s === 'true' || s === 'false') return s === 'true';
      return typeof number(s) === 'number' && /^\s*-?[\d.,]+\s*$/.test(s) ? number(s) : s.trim();
    }
    return s.trim();
  };
  if (operator === 'in' || operator === 'not in') {
    return text
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => scalar(s) as string | number);
  }
  return scalar(text);
}

function textOf(kind: Kind, field: string, value: Condition['value']): string {
  if (value === undefined) return '';
  const one = (v: unknown) => (MONEY_FIELDS.has(field) && typeof v === 'number' ? String(v / 100) : String(v));
  return Array.isArray(value) ? value.map(one).join(', ') : kind === 'boolean' || typeof value === 'boolean' ? String(value) : one(value);
}

/**
 * The API's rule for a draft, and where each condition and group ended up
 * (`rules.0.rules.1` → its draft id), so an error the API names by path is
 * shown at the right condition.
 */
export function toRule(root: DraftGroup, fields: AudienceField[]): { rule: AudienceRule; paths: Map<string, number> } {
  const kinds = new Map<string, Kind>(fields.map((f) => [f.field, f.kind]));
  const paths = new Map<string, number>();
  const walk = (group: DraftGroup, path: string): AudienceRule => {
    paths.set(path, group.id);
    return {
      match: group.match,
      rules: group.rules.map((node, i) => {
        const at = `${path}.rules.${i}`;
        if (node.type === 'group') return walk(node, at);
        paths.set(at, node.id);
        const kind = kinds.get(node.field) ?? 'text';
        const condition: Condition = { field: node.field as Condition['field'], operator: node.operator as Condition['operator'] };
        if (kind === 'custom') condition.key = node.key.trim();
        condition.value = valueOf(kind, node.field, node.operator, node.text);
        return condition;
      }),
    };
  };
  return { rule: walk(root, 'rule'), paths };
}

export function fromRule(rule: AudienceRule, fields: AudienceField[]): DraftGroup {
  const kinds = new Map<string, Kind>(fields.map((f) => [f.field, f.kind]));
  const walk = (group: AudienceRule): DraftGroup => ({
    type: 'group',
    id: newId(),
    match: group.match,
    rules: (group.rules as (AudienceRule | Condition)[]).map((node): DraftNode => {
      if ('match' in node) return walk(node);
      return {
        type: 'condition',
        id: newId(),
        field: node.field,
        key: node.key ?? '',
        operator: node.operator,
        text: textOf(kinds.get(node.field) ?? 'text', node.field, node.value),
      };
    }),
  });
  return walk(rule);
}

/** The draft id an API error path points at: the longest known prefix (`rule.rules.0.value` → condition 0). */
export function nodeOfPath(path: string, paths: Map<string, number>): number | undefined {
  for (let p = path; p; p = p.slice(0, Math.max(0, p.lastIndexOf('.')))) {
    const id = paths.get(p);
    if (id !== undefined) return id;
    if (!p.includes('.')) break;
  }
  return undefined;
}

/** Whether every condition has a value (an `exists` needs none): the builder previews only complete rules. */
export function isComplete(group: DraftGroup): boolean {
  return group.rules.every((node) => (node.type === 'group' ? isComplete(node) : node.operator === 'exists' || node.text.trim() !== ''));
}
