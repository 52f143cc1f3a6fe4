/**
 * The parts of an OpenAPI 3.1 document the contract checks read, and how a
 * request finds its operation and documented answer in it.
 */

export type JsonSchema = { [keyword: string]: unknown };

export interface MediaTypeObject {
  schema?: JsonSchema;
}

export interface ResponseObject {
  description?: string;
  content?: Record<string, MediaTypeObject>;
}

export interface ParameterObject {
  name: string;
  in: string;
  schema?: JsonSchema;
}

export interface OperationObject {
  operationId?: string;
  parameters?: ParameterObject[];
  requestBody?: { content?: Record<string, MediaTypeObject> };
  responses: Record<string, ResponseObject>;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Express's route pattern as an OpenAPI path template: `/api/customers/:id` → `/api/customers/{id}`. */
export function templateOfRoute(routePath: string): string {
  return routePath.replace(/:(\w+)/g, '{$1}');
}

/**
 * The documented path template a concrete path falls under. Where several
 * match, a literal segment beats a parameter, segment by segment from the left
 * (OpenAPI: concrete paths are matched before templated ones).
 */
export function templateOfUrl(doc: OpenApiDocument, pathname: string): string | undefined {
  const segments = pathname.replace(/\/+$/, '').split('/');
  let best: { template: string; rank: string } | undefined;
  for (const template of Object.keys(doc.paths)) {
    const parts = template.split('/');
    if (parts.length !== segments.length) continue;
    let rank = '';
    const matches = parts.every((part, i) => {
      const re = new RegExp(`^${part.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}/]+\}/g, '[^/]+')}$`);
      rank += part.includes('{') ? '1' : '0';
      return re.test(decodeSegment(segments[i]));
    });
    if (matches && (!best || rank < best.rank)) best = { template, rank };
  }
  return best?.template;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The answer documented for a status: the exact code, then its range (`4XX`), then `default`. */
export function documentedResponse(op: OperationObject, status: number): { key: string; response: ResponseObject } | undefined {
  for (const key of [String(status), `${String(status)[0]}XX`, 'default']) {
    const response = op.responses[key];
    if (response) return { key, response };
  }
  return undefined;
}

/** `application/json; charset=utf-8` → `application/json`. */
export function essence(contentType: string): string {
  return contentType.split(';')[0].trim().toLowerCase();
}

export function isJsonMediaType(mediaType: string): boolean {
  return /^application\/([\w.-]+\+)?json$/.test(mediaType);
}

/** The documented media type (a key of `content`) a sent media type answers to, ranges like `text/*` included. */
export function documentedMediaType(content: Record<string, MediaTypeObject>, sent: string): string | undefined {
  const keys = Object.keys(content);
  return (
    keys.find((k) => essence(k) === sent) ??
    keys.find((k) => essence(k).endsWith('/*') && sent.startsWith(essence(k).slice(0, -1))) ??
    keys.find((k) => essence(k) === '*/*')
  );
}

/** A JSON Pointer to a place in the document, written as a fragment: `#/paths/~1api~1customers/get`. */
export function pointer(...parts: string[]): string {
  return '#/' + parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

/** The value at a `pointer()`. */
export function resolvePointer(doc: unknown, at: string): unknown {
  return at
    .replace(/^#\//, '')
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), doc);
}
