import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../problem/problem-details';

export type Operation = {
  parameters?: { in: string }[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, { description?: string; content?: Record<string, unknown> }>;
};

const problemContent = () => ({ [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetails' } } });
const problem = (description: string) => ({ description, content: problemContent() });

/** Every operation of the document with its path. */
export function operations(document: OpenAPIObject): { path: string; method: string; op: Operation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>)
      .filter(([, op]) => op && typeof op === 'object' && 'responses' in op)
      .map(([method, op]) => ({ path, method, op })),
  );
}

/**
 * Documents the errors every route can give, in one place rather than on each
 * handler: 400 everywhere (the URL and query are checked on every route),
 * 413 and 415 where there is a body, 404 where a path names a record, 401 and
 * 403 where credentials are needed, 429 wherever rate
 * limits apply (not health). Routes that document their own answer for a
 * status keep its description; every error answer is problem+json, whatever
 * media types the route's success answer has.
 */
export function addProblemResponses(document: OpenAPIObject): OpenAPIObject {
  for (const { path, op } of operations(document)) {
    const params = op.parameters ?? [];
    const add = (status: string, description: string) => (op.responses[status] ??= problem(description));
    // Any route refuses a URL or query it cannot accept (NUL, ill-formed UTF-8), not only routes with declared input.
    add('400', 'Invalid input: `errors[]` names each field');
    if (op.requestBody) {
      add('413', 'The body is larger than 1 MB');
      add('415', 'The body is not in one of the accepted media types');
    }
    if (params.some((p) => p.in === 'path')) add('404', 'Not found (also for records of another business)');
    if (op.security?.length) {
      add('401', 'Missing or invalid credentials');
      add('403', 'Not a member of the business named by X-Business-Id, or the role does not allow this');
    }
    if (!path.startsWith('/health')) add('429', 'Too many requests: see Retry-After');
    for (const [status, response] of Object.entries(op.responses)) {
      if (Number(status) >= 400) response.content = problemContent();
    }
  }
  return document;
}
