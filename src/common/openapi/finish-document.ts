import type { OpenAPIObject } from '@nestjs/swagger';
import { toOpenApi31 } from './openapi-31';
import { addProblemResponses, operations } from './problem-responses';

/** Security schemes every authenticated route accepts (see `ApiAuth()`). */
const AUTHENTICATED: Record<string, string[]>[] = [{ bearer: [] }, { 'api-key': [] }];

/**
 * Turns what Nest's scanner produced into the published contract: problem
 * answers on every route, text answers typed as strings, authentication
 * required by default and waived (`security: []`) on public routes, the
 * server's URL, and OpenAPI 3.1 nullability.
 */
export function finishDocument(document: OpenAPIObject, publicUrl: string): OpenAPIObject {
  addProblemResponses(document);
  for (const { op } of operations(document)) {
    if (!op.security?.length) op.security = [];
    for (const [status, response] of Object.entries(op.responses)) {
      if (Number(status) >= 400 || !response.content) continue;
      for (const [type, media] of Object.entries(response.content)) {
        if (type.startsWith('text/')) (media as { schema: unknown }).schema = { type: 'string' };
      }
    }
  }
  document.security = AUTHENTICATED;
  document.servers = [{ url: publicUrl.replace(/\/+$/, '') }];
  return toOpenApi31(document);
}
