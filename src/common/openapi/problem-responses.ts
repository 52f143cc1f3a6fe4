import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = {
  parameters?: { in: string }[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, unknown>;
};

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
});

/**
 * Documents the errors every route can give, in one place rather than on each
 * handler: 400 where there is input, 404 where a path names a record, 401 where
 * credentials are needed, 429 wherever rate limits apply (not health). Routes that document
 * their own answer for a status keep it.
 */
export function addProblemResponses(document: OpenAPIObject): OpenAPIObject {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const op of Object.values(item as Record<string, Operation>)) {
      if (!op?.responses) continue;
      const params = op.parameters ?? [];
      const add = (status: string, description: string) => (op.responses[status] ??= problem(description));
      if (op.requestBody || params.some((p) => p.in === 'query' || p.in === 'path'))
        add('400', 'Invalid input: `errors[]` names each field');
      if (params.some((p) => p.in === 'path')) add('404', 'Not found (also for records of another business)');
      if (op.security?.length) add('401', 'Missing or invalid credentials');
      if (!path.startsWith('/health')) add('429', 'Too many requests: see Retry-After');
    }
  }
  return document;
}
