import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Cardcom's published OpenAPI 3.0 document for API v11 ("Cardcom API 11.0", as kept
 * in ../shared/reference and committed in MosheRivkin/cardcom-ts-sdk `data/swagger.json`),
 * compiled with Ajv so the Cardcom fake checks every request the driver sends and
 * every answer it gives against Cardcom's own schemas.
 *
 * OpenAPI 3.0 is not JSON Schema, so the component schemas are adapted once:
 * - `nullable: true` becomes a `null` type (or an `anyOf` with null around a
 *   `oneOf`/`$ref`, which have no type of their own);
 * - `allOf` of objects that each say `additionalProperties: false` (NSwag's way of
 *   writing C# inheritance, e.g. `DocumentLP` = `DocumentBase` + its own fields) is
 *   merged into one object, which is what Cardcom's server accepts; taken literally
 *   no body could satisfy both halves;
 * - repeated `enum` values (C# aliases in `HttpStatusCode`) are listed once;
 * - formats: `guid`, and `decimal` as a number with at most two decimals (money
 *   in shekels); ajv-formats brings int32, int64, date-time, byte and duration.
 */
export interface CardcomOpenApi {
  /** The violations of a request body for the operation at `path` (POST), as short lines; empty when it conforms. */
  request(path: string, body: unknown): string[];
  /** The violations of an answer of `status` for the operation at `path`; a status the operation does not document is one. */
  response(path: string, status: number, body: unknown): string[];
}

type Schema = Record<string, unknown>;

const DOC_ID = 'cardcom-v11';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let loaded: CardcomOpenApi | null = null;

/** Cardcom's published OpenAPI document for API v11, as kept in the shared reference folder beside the repository. */
const PUBLISHED = join(__dirname, '../../../../shared/reference/cardcom-api-v11.openapi.json');

export function cardcomOpenApi(): CardcomOpenApi {
  if (!loaded) {
    if (!existsSync(PUBLISHED))
      throw new Error(`Cardcom's OpenAPI document is not at ${PUBLISHED} (../shared/reference beside the repository)`);
    loaded = compile(JSON.parse(readFileSync(PUBLISHED, 'utf8')));
  }
  return loaded;
}

function compile(doc: { paths: Record<string, Record<string, Schema>>; components: { schemas: Record<string, Schema> } }): CardcomOpenApi {
  const components = doc.components.schemas;
  const adapted: Record<string, Schema> = {};
  for (const [name, schema] of Object.entries(components)) adapted[name] = adapt(mergeAllOf(schema, components)) as Schema;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('guid', GUID);
  ajv.addFormat('decimal', { type: 'number', validate: (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6 });
  ajv.addSchema({ $id: DOC_ID, definitions: adapted });
  const compiled = new Map<string, ValidateFunction>();
  const validate = (key: string, schema: Schema | undefined, value: unknown): string[] => {
    if (!schema) return [`${key}: not in Cardcom's document`];
    let fn = compiled.get(key);
    if (!fn) {
      fn = ajv.compile(adapt(mergeAllOf(schema, components)) as Schema);
      compiled.set(key, fn);
    }
    return fn(value) ? [] : (fn.errors ?? []).map((e) => `${key}: ${line(e)}`);
  };
  const operation = (path: string) =>
    doc.paths[path]?.post as
      | {
          requestBody?: { content: Record<string, { schema: Schema }> };
          responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
        }
      | undefined;
  return {
    request: (path, body) => validate(`POST ${path} request`, operation(path)?.requestBody?.content['application/json']?.schema, body),
    response: (path, status, body) =>
      validate(`POST ${path} ${status}`, operation(path)?.responses[String(status)]?.content?.['application/json']?.schema, body),
  };
}

function line(e: ErrorObject): string {
  const extra =
    e.keyword === 'additionalProperties'
      ? ` (${(e.params as { additionalProperty: string }).additionalProperty})`
      : e.keyword === 'enum'
        ? ` ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`
        : '';
  return `${e.instancePath || '(root)'} ${e.message ?? e.keyword}${extra}`;
}

const refName = (ref: unknown) => (typeof ref === 'string' && ref.startsWith('#/components/schemas/') ? ref.slice(21) : null);

/** `allOf` of object schemas → one object with every part's properties and required fields. */
function mergeAllOf(node: unknown, components: Record<string, Schema>): unknown {
  if (Array.isArray(node)) return node.map((n) => mergeAllOf(n, components));
  if (!node || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node)) out[k] = mergeAllOf(v, components);
  if (Array.isArray(out.allOf)) {
    const parts = (out.allOf as Schema[]).map((p) => {
      const name = refName(p.$ref);
      return name ? (mergeAllOf(components[name], components) as Schema) : p;
    });
    if (parts.every((p) => p.type === 'object' || p.properties)) {
      delete out.allOf;
      out.type = 'object';
      out.additionalProperties = parts.some((p) => p.additionalProperties === false) ? false : undefined;
      out.properties = Object.assign({}, ...parts.map((p) => p.properties ?? {}));
      out.required = [...new Set(parts.flatMap((p) => (p.required as string[] | undefined) ?? []))];
      if (out.additionalProperties === undefined) delete out.additionalProperties;
    }
  }
  return out;
}

/** `nullable` → JSON Schema null; `#/components/schemas/X` → the registered definitions. */
function adapt(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(adapt);
  if (!node || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref') out.$ref = refName(v) ? `${DOC_ID}#/definitions/${refName(v)}` : v;
    else out[k] = adapt(v);
  }
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
    } else {
      const { description, default: _default, ...rest } = out;
      return { ...(description ? { description } : {}), anyOf: [{ type: 'null' }, rest] };
    }
  } else delete out.nullable;
  // Cardcom's HttpStatusCode enum repeats values (C# enum aliases), which JSON Schema forbids.
  if (Array.isArray(out.enum)) out.enum = [...new Set(out.enum as unknown[])];
  return out;
}
