import { BAD_PATH_SEGMENTS, HUGE_QUERY_LENGTH, SQL_STRINGS } from './hostile-inputs';
import { typesOf, type Operation, type Parameter } from './openapi-operations';
import { rejectIf, type Expectation, type Variant } from './variant';

/**
 * Path and query of one operation with real values in every parameter; a
 * variant swaps one of them for a hostile one, already encoded for the wire.
 */
export class Target {
  constructor(
    private readonly path: string,
    /** Path parameter → its real value (unencoded). */
    private readonly pathValues: Record<string, string>,
    /** Query parameters that must be present → a valid value (unencoded). */
    private readonly requiredQuery: Record<string, string>,
  ) {}

  /** The path and query; `segment` replaces one path parameter, `query` one query parameter (`null`: leave it out). */
  build(opts: { segment?: [string, string]; query?: [string, string | null] } = {}): string {
    const path = this.path.replace(/\{([^}]+)\}/g, (_m, name: string) =>
      opts.segment?.[0] === name ? opts.segment[1] : encodeURIComponent(this.pathValues[name]),
    );
    const pairs = Object.entries(this.requiredQuery)
      .filter(([name]) => name !== opts.query?.[0])
      .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
    if (opts.query?.[1]) pairs.push(opts.query[1]);
    return pairs.length ? `${path}?${pairs.join('&')}` : path;
  }
}

/** Every path parameter set, in turn, to each bad segment: never a record, so always a 4xx. */
export function pathVariants(op: Operation, target: Target): Variant[] {
  return op.parameters
    .filter((p) => p.in === 'path')
    .flatMap((p) =>
      BAD_PATH_SEGMENTS.map((bad) => ({
        label: `path {${p.name}}: ${bad.label}`,
        expect: '4xx' as const,
        target: target.build({ segment: [p.name, bad.segment] }),
      })),
    );
}

/** Hostile values for each documented query parameter, by what its schema allows. */
export function queryVariants(op: Operation, target: Target): Variant[] {
  const out: Variant[] = [];
  for (const p of op.parameters.filter((x) => x.in === 'query')) {
    const add = (label: string, raw: string | null, expect: Expectation) =>
      out.push({ label: `query ${p.name}: ${label}`, expect, target: target.build({ query: [p.name, raw] }) });
    const name = encodeURIComponent(p.name);
    const s = p.schema;
    const types = typesOf(s);
    const items = types.includes('array') ? (s.items ?? {}) : s;
    const numeric = ['integer', 'number'].some((t) => typesOf(items).includes(t)) || s.minimum !== undefined || s.maximum !== undefined;
    const typed = typesOf(items).some((t) => t !== 'string');
    const strict = typed || Boolean(items.enum) || items.format === 'uuid';
    const isArray = types.includes('array');

    if (p.required) add('missing', null, '4xx');
    if (typed) add('wrong type (text)', `${name}=robustness`, '4xx');
    if (typesOf(items).includes('integer')) add('fraction', `${name}=1.5`, '4xx');
    if (numeric) {
      add('negative', `${name}=-1`, rejectIf(s.minimum !== undefined && s.minimum > -1));
      add('zero', `${name}=0`, rejectIf(s.minimum !== undefined && s.minimum > 0));
      add('huge number', `${name}=99999999999999999999`, rejectIf(s.maximum !== undefined));
    }
    if (items.enum) add('bad enum value', `${name}=not-an-enum-value`, '4xx');
    if (items.format === 'uuid') add('not a uuid', `${name}=not-a-uuid`, '4xx');
    add('%00', `${name}=%00`, rejectIf(strict));
    add('ill-formed UTF-8 %ED%A0%BD', `${name}=%ED%A0%BD`, rejectIf(strict));
    add(
      `${HUGE_QUERY_LENGTH / 1024} KB value`,
      `${name}=${'9'.repeat(HUGE_QUERY_LENGTH)}`,
      rejectIf(strict || (s.maximum ?? s.maxLength) !== undefined),
    );
    add('array ?x=1&x=2', `${name}=1&${name}=2`, rejectIf(!isArray || strict));
    for (const sql of SQL_STRINGS) add(`SQL ${JSON.stringify(sql)}`, `${name}=${encodeURIComponent(sql)}`, rejectIf(strict));
  }
  out.push({
    label: 'query: unknown parameter with %00',
    expect: 'no-5xx',
    target: target.build({ query: ['robustnessProbe', 'robustnessProbe=%00'] }),
  });
  return out;
}

/** Hostile values for documented header parameters (e.g. Idempotency-Key). */
export function headerVariants(params: Parameter[], target: string): Variant[] {
  const out: Variant[] = [];
  for (const p of params.filter((x) => x.in === 'header')) {
    const values: [string, string][] = [
      [`${HUGE_QUERY_LENGTH / 1024} KB value`, 'x'.repeat(HUGE_QUERY_LENGTH)],
      ...SQL_STRINGS.map((sql): [string, string] => [`SQL ${JSON.stringify(sql)}`, sql]),
    ];
    for (const [label, value] of values)
      out.push({ label: `header ${p.name}: ${label}`, expect: 'no-5xx', target, headers: { [p.name]: value } });
  }
  return out;
}
