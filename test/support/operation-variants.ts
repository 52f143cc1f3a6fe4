import { jsonBodyVariants, wrongMediaTypeVariants } from './body-variants';
import { toJsonText } from './hostile-inputs';
import { multipart, multipartVariants, validParts } from './multipart-variants';
import type { Operation } from './openapi-operations';
import { headerVariants, pathVariants, queryVariants, Target } from './parameter-variants';
import { pathParamValue, queryValueByName, type Records } from './robustness-records';
import { sampleValue, validBody } from './sample-body';
import type { Variant } from './variant';

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

/** A valid-looking body for the operation in its first documented media type, and that body as a plain object. */
async function validRequestBody(
  op: Operation,
  r: Records,
): Promise<{ valid: Pick<Variant, 'contentType' | 'body'>; base: Record<string, unknown> }> {
  if (!op.body) return { valid: {}, base: {} };
  const types = op.body.contentTypes;
  if (types.some((t) => t.startsWith('multipart/'))) {
    const parts = validParts(op.body.schema);
    return { valid: multipart(parts), base: Object.fromEntries(parts.map((p) => [p.name, p.content.toString('utf8')])) };
  }
  const base = await validBody(r, op.body.schema);
  if (types.includes(JSON_TYPE)) return { valid: { contentType: JSON_TYPE, body: toJsonText(base) }, base };
  const form = new URLSearchParams(Object.entries(base).map(([k, v]): [string, string] => [k, String(v)])).toString();
  return { valid: { contentType: FORM_TYPE, body: form }, base };
}

/**
 * How early a variant runs within its operation: input that must be refused
 * first, then input that may be stored, then the valid request, then what is
 * likely valid too (and may cancel or delete the record), then anonymous calls.
 */
function rank(v: Variant): number {
  if (v.anonymous) return 4;
  if (v.label.startsWith('baseline')) return 2;
  if (v.expect !== 'no-5xx') return 0;
  return /SQL|unknown parameter|header/.test(v.label) ? 3 : 1;
}

/**
 * Every request the robustness test sends to one operation, with path
 * parameters pointing at real records of `r`'s business.
 */
export async function operationVariants(op: Operation, r: Records): Promise<Variant[]> {
  const pathValues: Record<string, string> = {};
  const requiredQuery: Record<string, string> = {};
  for (const p of op.parameters) {
    if (p.in === 'path') pathValues[p.name] = await pathParamValue(r, op.path, p.name, p.schema);
    if (p.in === 'query' && p.required)
      requiredQuery[p.name] = (await queryValueByName(r, p.name)) ?? String(await sampleValue(r, p.name, p.schema));
  }
  const target = new Target(op.path, pathValues, requiredQuery);
  const url = target.build();
  // A new valid-looking body for every request: unique values are never reused.
  const fresh = async () => (await validRequestBody(op, r)).base;
  const freshValid = async () => (await validRequestBody(op, r)).valid;

  const variants: Variant[] = [];
  if (op.body) {
    const types = op.body.contentTypes;
    if (types.includes(JSON_TYPE)) variants.push(...(await jsonBodyVariants(r, op.body.schema, url, fresh)));
    if (types.some((t) => t.startsWith('multipart/'))) variants.push(...multipartVariants(op.body.schema, url));
    variants.push(...(await wrongMediaTypeVariants(types, url, fresh)));
  }
  // Parameter variants carry a valid body, so the parameter is the only thing wrong.
  for (const v of [...pathVariants(op, target), ...queryVariants(op, target)]) variants.push({ ...v, ...(await freshValid()) });
  for (const v of headerVariants(op.parameters, url)) variants.push({ ...v, ...(await freshValid()) });

  const baseline: Variant = { label: 'baseline (valid request)', expect: 'no-5xx', target: url, ...(await freshValid()) };
  const sample = [
    { ...baseline, ...(await freshValid()) },
    variants.find((v) => v.label.startsWith('path')),
    variants.find((v) => v.label.startsWith('body: object nested')),
    variants.find((v) => v.label === 'content type: text/plain'),
    variants.find((v) => v.label.startsWith('query')),
  ].filter((v): v is Variant => v !== undefined);
  const anonymous = sample.map(
    (v) => ({ ...v, label: `[anonymous] ${v.label}`, anonymous: true, expect: op.authenticated ? '4xx' : v.expect }) as Variant,
  );
  if (op.authenticated) {
    const credentials = { 'bad bearer token': { authorization: 'Bearer not.a.jwt' }, 'bad API key': { 'x-api-key': "cg_' OR 1=1 --" } };
    for (const [label, headers] of Object.entries(credentials)) {
      anonymous.push({ ...baseline, ...(await freshValid()), label: `[${label}] baseline`, anonymous: true, expect: '4xx', headers });
    }
  }
  return [...variants, ...anonymous, baseline].sort((a, b) => rank(a) - rank(b));
}
