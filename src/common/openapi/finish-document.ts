import type { OpenAPIObject } from '@nestjs/swagger';
import { toOpenApi31 } from './openapi-31';
import { addProblemResponses, operations } from './problem-responses';

/** For people in several businesses: which one the request acts for (default: the one the token was issued for). */
const BUSINESS_ID_PARAMETER = {
  name: 'X-Business-Id',
  in: 'header' as const,
  required: false,
  description: 'The business the request acts for, for a user who is a member of several (default: the business of the token)',
  schema: { type: 'string' as const, format: 'uuid' },
};

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
  document.components = {
    ...document.components,
    parameters: { ...document.components?.parameters, BusinessId: BUSINESS_ID_PARAMETER },
  };
  for (const { op } of operations(document)) {
    if (!op.security?.length) op.security = [];
    else op.parameters = [...(op.parameters ?? []), { $ref: '#/components/parameters/BusinessId' } as never];
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
