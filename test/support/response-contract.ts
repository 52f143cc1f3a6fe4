import { AssertionError } from 'node:assert';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import {
  documentedMediaType,
  documentedResponse,
  essence,
  isJsonMediaType,
  pointer,
  templateOfRoute,
  templateOfUrl,
  type OpenApiDocument,
} from './openapi-document';
import { describeErrors, schemasOf } from './openapi-schemas';

/** Bodies past this size are not kept; a JSON answer that large is reported rather than validated. */
const MAX_CAPTURE = 16 * 1024 * 1024;

/**
 * Contract violations seen by one test app (and the apps it restarts into),
 * grouped by what went wrong so a repeated one is listed once with a count.
 */
export class ContractViolations {
  private readonly seen = new Map<string, { count: number; example: string }>();

  /** `what` names the violation (same text = same violation); `example` tells this occurrence (request, body). */
  add(what: string, example: string): void {
    const entry = this.seen.get(what);
    if (entry) entry.count++;
    else this.seen.set(what, { count: 1, example });
  }

  list(): string[] {
    return [...this.seen].map(([what, { count, example }]) => `${what}\n    seen ${count}×, first: ${example}`);
  }

  /** Throws an AssertionError listing every violation, if there is one. */
  assertNone(): void {
    const lines = this.list();
    if (lines.length === 0) return;
    throw new AssertionError({
      message: `${lines.length} answer(s) of the app do not match its OpenAPI document:\n  - ${lines.join('\n  - ')}`,
    });
  }
}

interface Sent {
  method: string;
  url: string;
  routePath?: string;
  status: number;
  contentType?: string;
  body: Buffer;
  truncated: boolean;
}

/**
 * Checks every answer `server` sends against `doc`: it wraps the server's
 * `request` listener (the Express app), so it sees answers from Nest's routes,
 * body-parser errors, the 404 handler and Swagger's routes alike, and wraps
 * `res.write`/`res.end` of each answer to keep a copy of its body.
 */
export function watchResponses(server: Server, doc: OpenApiDocument, violations: ContractViolations): void {
  const listeners = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    capture(req, res, (sent) => {
      // Never throw into the app: a failure of the check itself is reported as one.
      try {
        check(doc, sent, violations);
      } catch (err) {
        violations.add(`the contract check failed: ${(err as Error).message}`, `${sent.method} ${sent.url} → ${sent.status}`);
      }
    });
    for (const listener of listeners) listener.call(server, req, res);
  });
}

function capture(req: IncomingMessage, res: ServerResponse, onFinish: (sent: Sent) => void): void {
  const method = req.method ?? 'GET';
  const url = req.url ?? '/';
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  const keep = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const buffer =
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array);
    if (size + buffer.length > MAX_CAPTURE) truncated = true;
    else chunks.push(buffer);
    size += buffer.length;
  };
  const write = res.write;
  const end = res.end;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ServerResponse['write'];
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    keep(chunk, rest[0]);
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as ServerResponse['end'];
  res.once('finish', () => {
    const contentType = res.getHeader('content-type');
    onFinish({
      method,
      url,
      // Express sets `req.route` on the request once a route matched it.
      routePath: (req as IncomingMessage & { route?: { path?: unknown } }).route?.path as string | undefined,
      status: res.statusCode,
      contentType: contentType === undefined ? undefined : String(contentType),
      body: Buffer.concat(chunks),
      truncated,
    });
  });
}

function check(doc: OpenApiDocument, sent: Sent, violations: ContractViolations): void {
  // CORS preflights and HEAD answers are HTTP machinery, not operations of the API.
  if (sent.method === 'OPTIONS' || sent.method === 'HEAD') return;
  const method = sent.method.toLowerCase();
  const pathname = sent.url.split('?')[0];
  const request = `${sent.method} ${sent.url.length > 160 ? `${sent.url.slice(0, 160)}…` : sent.url} → ${sent.status}`;
  const example = (detail = '') => `${request}${detail}${excerpt(sent)}`;
  let template: string | undefined;
  // A catch-all route (Nest's 404 handler is `*path`) is no operation: read the URL instead.
  if (typeof sent.routePath === 'string' && !sent.routePath.includes('*')) {
    template = templateOfRoute(sent.routePath);
    if (!doc.paths[template]?.[method]) {
      // Swagger UI and the document itself are the documentation, not in it.
      if (!template.startsWith('/docs'))
        violations.add(`${sent.method} ${template}: the app serves this operation, the document has none`, example());
      return;
    }
  } else {
    // Not routed: an answer from middleware before the routes (body too large,
    // malformed JSON…) to a documented operation, or an unknown route (nothing
    // to check against).
    template = templateOfUrl(doc, pathname);
    if (!template || !doc.paths[template]?.[method]) return;
  }
  const op = doc.paths[template][method];
  const where = `${sent.method} ${template} → ${sent.status}`;
  const documented = documentedResponse(op, sent.status);
  if (!documented) {
    violations.add(`${where}: status not documented (documented: ${Object.keys(op.responses).join(', ')})`, example());
    return;
  }
  const content = documented.response.content ?? {};
  if (Object.keys(content).length === 0) {
    if (sent.body.length > 0 || sent.truncated)
      violations.add(`${where}: sends a ${sent.contentType ?? 'untyped'} body, documented without content`, example());
    return;
  }
  if (!sent.contentType) {
    violations.add(`${where}: no Content-Type, documented ${Object.keys(content).join(', ')}`, example());
    return;
  }
  const mediaType = essence(sent.contentType);
  const key = documentedMediaType(content, mediaType);
  if (!key) {
    violations.add(`${where}: sends ${mediaType}, documented ${Object.keys(content).join(', ')}`, example());
    return;
  }
  // Streams and text (CSV, iCalendar, HTML) are checked for their media type only.
  if (!isJsonMediaType(mediaType)) return;
  if (sent.truncated) {
    violations.add(`${where}: JSON body over ${MAX_CAPTURE} bytes, too large to validate`, example());
    return;
  }
  let value: unknown;
  try {
    value = JSON.parse(sent.body.toString('utf8'));
  } catch {
    violations.add(`${where}: the ${mediaType} body is not JSON`, example());
    return;
  }
  if (!content[key].schema) return;
  const at = pointer('paths', template, method, 'responses', documented.key, 'content', key, 'schema');
  const errors = schemasOf(doc).validate(at, value);
  if (errors.length === 0) return;
  // Array indexes vary from one answer to the next; the first occurrence keeps them.
  const general = describeErrors(errors).replace(/\/\d+(?=\/| )/g, '/*');
  violations.add(`${where} ${key} does not match its schema: ${general}`, example(`: ${describeErrors(errors)}`));
}

function excerpt(sent: Sent): string {
  if (sent.body.length === 0) return '';
  const text = sent.body.toString('utf8', 0, 400).replace(/\s+/g, ' ');
  return `\n      body: ${text}${sent.body.length > 400 ? '…' : ''}`;
}
