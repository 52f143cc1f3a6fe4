/** What an Express body-parser failure (it carries `type`) means to the client. */
const BODY_ERRORS: Record<string, { status: number; code: string; detail: (limit: string) => string }> = {
  'entity.parse.failed': { status: 400, code: 'body.malformed', detail: () => 'The request body is not valid JSON' },
  'entity.too.large': { status: 413, code: 'body.too_large', detail: (limit) => `The request body is larger than ${limit}` },
  'entity.verify.failed': { status: 400, code: 'body.malformed', detail: () => 'The request body could not be read' },
  'request.aborted': { status: 400, code: 'body.aborted', detail: () => 'The request body ended early' },
  'request.size.invalid': { status: 400, code: 'body.malformed', detail: () => 'The request body does not match its Content-Length' },
  'encoding.unsupported': { status: 415, code: 'body.encoding_unsupported', detail: () => 'The request body encoding is not supported' },
  'charset.unsupported': {
    status: 415,
    code: 'body.charset_unsupported',
    detail: () => 'The request body charset is not supported: send UTF-8',
  },
  'parameters.too.many': { status: 413, code: 'body.too_many_parameters', detail: () => 'The form has too many fields' },
};

/** The problem for a body-parser error, or undefined when `err` is not one. */
export function bodyErrorProblem(err: unknown, limit: string): { status: number; code: string; detail: string } | undefined {
  const type = (err as { type?: unknown } | null)?.type;
  const known = typeof type === 'string' ? BODY_ERRORS[type] : undefined;
  return known && { status: known.status, code: known.code, detail: known.detail(limit) };
}
