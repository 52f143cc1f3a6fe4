import { pointer, type JsonSchema } from './openapi-document';

/** A schema of the document and where it is, as a JSON Pointer fragment. */
export interface PlacedSchema {
  at: string;
  schema: JsonSchema;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/**
 * Every schema in an OpenAPI 3.1 document, nested ones included: component
 * schemas, parameter and header schemas, request and response bodies, and
 * inside each schema its properties, items, compositions and the like.
 * Only places where the specification puts a schema are read, so an
 * `example` that happens to hold `type: 'object'` is not taken for one.
 */
export function allSchemas(doc: Record<string, unknown>): PlacedSchema[] {
  const out: PlacedSchema[] = [];
  const components = (doc.components ?? {}) as Record<string, Record<string, unknown>>;
  for (const [name, schema] of entries(components.schemas)) walkSchema(schema, ['components', 'schemas', name], out);
  for (const [name, param] of entries(components.parameters)) walkParameter(param, ['components', 'parameters', name], out);
  for (const [name, body] of entries(components.requestBodies)) walkContent(body, ['components', 'requestBodies', name], out);
  for (const [name, response] of entries(components.responses)) walkResponse(response, ['components', 'responses', name], out);
  for (const [name, header] of entries(components.headers)) walkParameter(header, ['components', 'headers', name], out);
  for (const [path, item] of entries(doc.paths)) {
    for (const [i, param] of ((item.parameters as unknown[]) ?? []).entries())
      walkParameter(param, ['paths', path, 'parameters', String(i)], out);
    for (const [method, op] of entries(item)) {
      if (!HTTP_METHODS.has(method)) continue;
      const base = ['paths', path, method];
      for (const [i, param] of ((op.parameters as unknown[]) ?? []).entries())
        walkParameter(param, [...base, 'parameters', String(i)], out);
      if (op.requestBody) walkContent(op.requestBody, [...base, 'requestBody'], out);
      for (const [status, response] of entries(op.responses)) walkResponse(response, [...base, 'responses', status], out);
    }
  }
  return out;
}

function entries(value: unknown): [string, Record<string, unknown>][] {
  return value && typeof value === 'object' ? (Object.entries(value) as [string, Record<string, unknown>][]) : [];
}

function walkParameter(param: unknown, at: string[], out: PlacedSchema[]): void {
  const p = param as Record<string, unknown>;
  if (p?.schema) walkSchema(p.schema, [...at, 'schema'], out);
  if (p?.content) walkContent(p, at, out);
}

function walkResponse(response: unknown, at: string[], out: PlacedSchema[]): void {
  walkContent(response, at, out);
  for (const [name, header] of entries((response as Record<string, unknown>)?.headers))
    walkParameter(header, [...at, 'headers', name], out);
}

function walkContent(holder: unknown, at: string[], out: PlacedSchema[]): void {
  for (const [type, media] of entries((holder as Record<string, unknown>)?.content)) {
    if (media.schema) walkSchema(media.schema, [...at, 'content', type, 'schema'], out);
  }
}

const ONE_SCHEMA = [
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];

function walkSchema(schema: unknown, at: string[], out: PlacedSchema[]): void {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return;
  const s = schema as JsonSchema;
  out.push({ at: pointer(...at), schema: s });
  for (const key of ONE_SCHEMA) walkSchema(s[key], [...at, key], out);
  for (const key of SCHEMA_LISTS)
    for (const [i, sub] of ((s[key] as unknown[]) ?? []).entries()) walkSchema(sub, [...at, key, String(i)], out);
  for (const key of SCHEMA_MAPS) for (const [name, sub] of entries(s[key])) walkSchema(sub, [...at, key, name], out);
}
