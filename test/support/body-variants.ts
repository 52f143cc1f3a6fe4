import {
  deepArray,
  deepObject,
  hugeString,
  LONE_SURROGATE,
  NESTING_DEPTH,
  PROTO_POLLUTION,
  RawJson,
  SQL_STRINGS,
  toJsonText,
  VALUE_OF_TYPE,
  WITH_NUL,
  withRawMember,
} from './hostile-inputs';
import { isFreeFormObject, isNullable, typesOf, type Schema } from './openapi-operations';
import type { Records } from './robustness-records';
import { sampleValue } from './sample-body';
import { rejectIf, type Variant } from './variant';

type Key = string | number;

/** Formats whose values are machine-checked: no free text is a valid value. */
const STRICT_FORMATS = new Set(['uuid', 'date', 'date-time', 'email', 'uri']);

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

/** Every property reachable from a body schema: top level, properties of nested objects, array items. */
function* targets(schema: Schema, path: Key[] = []): Generator<{ path: Key[]; schema: Schema }> {
  if (path.length > 4) return;
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    yield* withChildren(prop, [...path, name]);
  }
}

function* withChildren(schema: Schema, path: Key[]): Generator<{ path: Key[]; schema: Schema }> {
  yield { path, schema };
  const types = typesOf(schema);
  if (types.includes('object') && schema.properties) yield* targets(schema, path);
  if (types.includes('array') && schema.items && typesOf(schema.items).length) yield* withChildren(schema.items, [...path, 0]);
}

const labelOf = (path: Key[]) => path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');

/** `base` with `value` at `path`, filling missing containers on the way with valid-looking values. */
async function bodyWith(r: Records, root: Schema, base: Record<string, unknown>, path: Key[], value: unknown): Promise<unknown> {
  const copy = structuredClone(base);
  let container: Record<Key, unknown> = copy;
  let schema = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    schema = (typeof key === 'number' ? schema.items : schema.properties?.[key]) ?? {};
    if (container[key] === undefined || container[key] === null) container[key] = await sampleValue(r, String(key), schema);
    if (typeof path[i + 1] === 'number' && !Array.isArray(container[key])) container[key] = [];
    container = container[key] as Record<Key, unknown>;
  }
  container[path[path.length - 1]] = value;
  return copy;
}

/** The hostile values for one property, by what its schema allows. */
function valuesFor(schema: Schema): { label: string; value: unknown; expect: Variant['expect'] }[] {
  const types = typesOf(schema);
  const out: { label: string; value: unknown; expect: Variant['expect'] }[] = [];
  const numeric = types.includes('number') || types.includes('integer');
  if (types.length) {
    for (const [type, value] of Object.entries(VALUE_OF_TYPE)) {
      if (types.includes(type) || (type === 'number' && numeric)) continue;
      out.push({ label: `${type} instead of ${types.join('|')}`, value, expect: '4xx' });
    }
    if (types.includes('integer') && !types.includes('number')) out.push({ label: 'fraction for integer', value: 1.5, expect: '4xx' });
  }
  out.push({ label: 'null', value: null, expect: rejectIf(!isNullable(schema)) });
  if (types.includes('string') && schema.format !== 'binary') {
    const strict = Boolean(schema.enum) || STRICT_FORMATS.has(schema.format ?? '');
    out.push({
      label: `${hugeString().length / 1024} KB string`,
      value: hugeString(),
      expect: rejectIf(strict || schema.maxLength !== undefined),
    });
    out.push({ label: 'lone surrogate \\ud83d', value: LONE_SURROGATE, expect: rejectIf(strict) });
    out.push({ label: 'NUL character', value: WITH_NUL, expect: rejectIf(strict) });
    for (const sql of SQL_STRINGS) out.push({ label: `SQL ${JSON.stringify(sql)}`, value: sql, expect: rejectIf(strict) });
  }
  if (types.includes('object')) {
    out.push({ label: `object nested ${NESTING_DEPTH} levels`, value: deepObject(), expect: rejectIf(!isFreeFormObject(schema)) });
    out.push({ label: `array nested ${NESTING_DEPTH} levels`, value: deepArray(), expect: '4xx' });
    if (isFreeFormObject(schema)) {
      for (const p of PROTO_POLLUTION)
        out.push({ label: p.label, value: new RawJson(`{${JSON.stringify(p.key)}:${p.value.text}}`), expect: 'no-5xx' });
    }
  }
  if (types.includes('array')) {
    out.push({ label: `array nested ${NESTING_DEPTH} levels`, value: deepArray(), expect: '4xx' });
    out.push({ label: `object nested ${NESTING_DEPTH} levels`, value: deepObject(), expect: '4xx' });
  }
  return out;
}

/**
 * Hostile JSON bodies for an operation whose body is `schema`. `fresh` makes a
 * valid-looking body with new unique values (email, phone, slot) for each
 * variant, so no variant fails only because an earlier one took its values.
 */
export async function jsonBodyVariants(
  r: Records,
  schema: Schema,
  target: string,
  fresh: () => Promise<Record<string, unknown>>,
): Promise<Variant[]> {
  const json = (label: string, body: string, expect: Variant['expect']): Variant => ({
    label,
    expect,
    target,
    contentType: JSON_TYPE,
    body,
  });
  const out: Variant[] = [
    json('body: null', 'null', '4xx'),
    json('body: array', toJsonText([await fresh()]), '4xx'),
    json('body: string', '"robustness"', '4xx'),
    json('body: number', '42', '4xx'),
    json(`body: object nested ${NESTING_DEPTH} levels`, deepObject().text, '4xx'),
    json(`body: array nested ${NESTING_DEPTH} levels`, deepArray().text, '4xx'),
    json('body: unknown extra key', toJsonText({ ...(await fresh()), robustnessProbe: 1 }), '4xx'),
  ];
  for (const p of PROTO_POLLUTION) out.push(json(`body: ${p.label}`, withRawMember(await fresh(), p.key, p.value), 'no-5xx'));
  for (const { path, schema: prop } of targets(schema)) {
    for (const v of valuesFor(prop)) {
      out.push(json(`body${labelOf(path)}: ${v.label}`, toJsonText(await bodyWith(r, schema, await fresh(), path, v.value)), v.expect));
    }
  }
  return out;
}

type Body = Record<string, unknown>;

const flat = (b: Body) => Object.entries(b).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]);
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A body written in each media type a client might wrongly send; `null`: no Content-Type header at all. */
const MEDIA_TYPES: { contentType: string | null; write: (b: Body) => string }[] = [
  { contentType: 'text/plain', write: toJsonText },
  { contentType: null, write: toJsonText },
  {
    contentType: 'application/xml',
    write: (b) =>
      `<body>${flat(b)
        .map(([k, v]) => `<${k}>${xmlText(v)}</${k}>`)
        .join('')}</body>`,
  },
  { contentType: FORM_TYPE, write: (b) => new URLSearchParams(flat(b)).toString() },
  { contentType: JSON_TYPE, write: toJsonText },
];

/** A valid-looking body in each media type the operation does not document: each must be answered 415. */
export async function wrongMediaTypeVariants(documented: string[], target: string, fresh: () => Promise<Body>): Promise<Variant[]> {
  const out: Variant[] = [];
  for (const m of MEDIA_TYPES.filter((x) => x.contentType === null || !documented.includes(x.contentType))) {
    const label = `content type: ${m.contentType ?? 'none'}`;
    const body = m.write(await fresh());
    // An empty body carries nothing to misread, whatever its declared type.
    if (body.length > 0) out.push({ label, expect: '415', target, contentType: m.contentType, body });
  }
  return out;
}
