/**
 * The operations of an OpenAPI 3.1 document, with `$ref` and `allOf` resolved,
 * in the shape the robustness test walks: method, path, parameters, body.
 */

export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  deprecated?: boolean;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: Schema;
}

export interface Operation {
  method: string;
  path: string;
  /** Public routes declare `security: []`. */
  authenticated: boolean;
  parameters: Parameter[];
  body?: { required: boolean; contentTypes: string[]; schema: Schema };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
  security?: Record<string, string[]>[];
}

interface RawOperation {
  parameters?: Parameter[];
  security?: Record<string, string[]>[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every operation of the document, in document order. */
export function listOperations(doc: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const security = op.security ?? doc.security ?? [];
      const content = op.requestBody?.content ?? {};
      const contentTypes = Object.keys(content);
      const first = contentTypes.find((c) => c === 'application/json') ?? contentTypes[0];
      out.push({
        method: method.toUpperCase(),
        path,
        authenticated: security.length > 0,
        parameters: (op.parameters ?? []).map((p) => ({ ...p, schema: resolve(doc, p.schema ?? {}) })),
        body: first
          ? { required: op.requestBody?.required ?? false, contentTypes, schema: resolve(doc, content[first].schema ?? {}) }
          : undefined,
      });
    }
  }
  return out;
}

/** Follows `$ref`s and merges `allOf`, recursively through properties and items. */
export function resolve(doc: OpenApiDocument, schema: Schema, depth = 0): Schema {
  if (depth > 20) return {};
  let s = schema;
  while (s.$ref) {
    const name = s.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`Unresolvable ${s.$ref}`);
    const { $ref: _ref, ...rest } = s;
    s = { ...target, ...rest };
  }
  if (s.allOf) {
    const { allOf, ...rest } = s;
    s = allOf.reduce<Schema>((acc, part) => mergeSchemas(acc, resolve(doc, part, depth + 1)), rest);
  }
  if (s.anyOf) {
    // `X | null` (OpenAPI 3.1 nullable reference): keep X, remember null.
    const parts = s.anyOf.map((p) => resolve(doc, p, depth + 1));
    const nonNull = parts.filter((p) => p.type !== 'null');
    const { anyOf: _anyOf, ...rest } = s;
    s = nonNull.length === 1 ? { ...nonNull[0], ...rest } : { ...rest, anyOf: parts };
    if (nonNull.length < parts.length) s.type = [...typesOf(s), 'null'];
  }
  const out: Schema = { ...s };
  if (s.properties) {
    out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, resolve(doc, v, depth + 1)]));
  }
  if (s.items) out.items = resolve(doc, s.items, depth + 1);
  return out;
}

function mergeSchemas(a: Schema, b: Schema): Schema {
  return {
    ...a,
    ...b,
    properties: a.properties || b.properties ? { ...a.properties, ...b.properties } : undefined,
    required: a.required || b.required ? [...(a.required ?? []), ...(b.required ?? [])] : undefined,
  };
}

/** The JSON types a schema allows, without `null`; `[]` when it does not say. */
export function typesOf(schema: Schema): string[] {
  const t = schema.type;
  if (t === undefined) return schema.properties ? ['object'] : schema.items ? ['array'] : [];
  return (Array.isArray(t) ? t : [t]).filter((x) => x !== 'null');
}

export function isNullable(schema: Schema): boolean {
  const t = schema.type;
  return (Array.isArray(t) && t.includes('null')) || t === 'null' || (schema.enum?.includes(null) ?? false);
}

/** An object whose keys are free (e.g. `customFields`): no declared properties, extra keys allowed. */
export function isFreeFormObject(schema: Schema): boolean {
  return typesOf(schema).includes('object') && !schema.properties && schema.additionalProperties !== false;
}
