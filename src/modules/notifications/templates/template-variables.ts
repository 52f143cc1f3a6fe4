import { MessageLocale, type TemplateVariables } from '../notification.types';

/** What a variable holds, and so how a template writes it. */
export enum VariableKind {
  text = 'text',
  url = 'url',
  email = 'email',
  /** An ISO 8601 instant: write it with `| date`, `| time` or `| datetime` (business time zone). */
  instant = 'instant',
  /** A calendar date `YYYY-MM-DD` as the business reads it (`| date` writes it out). */
  date = 'date',
  /** A wall-clock time `HH:mm` as the business reads it. */
  time = 'time',
  /** Integer agorot (minor units): write it with `| money`. */
  agorot = 'agorot',
  integer = 'integer',
}

type Sample = string | number;

/** One value a template may reference, declared by its key: drives save-time checks, preview data and the catalogue. */
export interface TemplateVariable {
  /** Dotted path as written in a template: `customer.firstName`. */
  name: string;
  kind: VariableKind;
  description: string;
  /** The preview value (ISO instants and agorot, as real messages carry them), per locale where it reads differently. */
  sample: Sample | Record<MessageLocale, Sample>;
}

export const variable = (name: string, kind: VariableKind, description: string, sample: TemplateVariable['sample']): TemplateVariable => ({
  name,
  kind,
  description,
  sample,
});

export function sampleOf(v: TemplateVariable, locale: MessageLocale): Sample {
  return typeof v.sample === 'object' ? v.sample[locale] : v.sample;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);

/** Keys that would reach an object's prototype: never copied into a scope. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const own = (target: Record<string, unknown>, key: string): unknown => (Object.hasOwn(target, key) ? target[key] : undefined);

function merge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of [...Object.entries(a), ...Object.entries(b)]) {
    if (UNSAFE_KEYS.has(key)) continue;
    const existing = own(out, key);
    out[key] = isPlainObject(existing) && isPlainObject(value) ? merge(existing, value) : isPlainObject(value) ? merge({}, value) : value;
  }
  return out;
}

/**
 * The scope a template renders with: nested objects as given, and dotted keys
 * (`'customer.firstName': 'דנה'`) spread into them, so callers may write
 * either. Later layers win; objects merge. Keys that would reach a prototype
 * (`__proto__`, `constructor`, `prototype`) are dropped.
 */
export function toScope(...layers: TemplateVariables[]): Record<string, unknown> {
  let scope: Record<string, unknown> = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) {
      const path = key.split('.');
      if (path.some((p) => UNSAFE_KEYS.has(p) || p === '')) continue;
      const nested = path.reduceRight<unknown>((inner, segment) => ({ [segment]: inner }), value);
      scope = merge(scope, nested as Record<string, unknown>);
    }
  }
  return scope;
}

/** The declared variables filled with their sample values, as a scope. */
export function sampleScope(variables: TemplateVariable[], locale: MessageLocale): Record<string, unknown> {
  return toScope(Object.fromEntries(variables.map((v) => [v.name, sampleOf(v, locale)])));
}

/** Properties Liquid offers on any value. */
const VALUE_PROPERTIES = new Set(['size', 'first', 'last']);

/**
 * The referenced paths that no declared variable explains, as dotted names.
 * A path is known when it is a declared name, leads to one (`customer` in
 * `{% if customer %}`), or is one followed by `size`, `first` or `last`.
 */
export function unknownVariables(paths: string[][], declared: TemplateVariable[]): string[] {
  const names = declared.map((v) => v.name.split('.'));
  const startsWith = (long: string[], short: string[]) => short.every((s, i) => long[i] === s);
  const known = (path: string[]) =>
    names.some(
      (name) =>
        (path.length <= name.length && startsWith(name, path)) ||
        (path.length === name.length + 1 && startsWith(path, name) && VALUE_PROPERTIES.has(path[path.length - 1])),
    );
  return [...new Set(paths.filter((p) => p.length > 0 && !known(p)).map((p) => p.join('.')))];
}
