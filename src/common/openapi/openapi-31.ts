import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = Record<string, unknown>;

/**
 * Nest writes OpenAPI 3.0, where `nullable: true` beside `allOf`/`$ref` reads as
 * "null not allowed" (3.0.3 only lets `nullable` widen a `type` in the same
 * schema). We publish 3.1, whose schemas are JSON Schema 2020-12: a nullable
 * scalar becomes `type: [t, 'null']` (with `null` added to an `enum`), and a
 * nullable reference becomes `anyOf: [ref, {type: 'null'}]`.
 */
export function toOpenApi31(document: OpenAPIObject): OpenAPIObject {
  visit(document);
  return { ...document, openapi: '3.1.0' };
}

function visit(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(visit);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as Schema;
  for (const value of Object.values(schema)) visit(value);
  if (schema.nullable === true) widenToNull(schema);
}

function widenToNull(schema: Schema): void {
  delete schema.nullable;
  const allOf = schema.allOf as Schema[] | undefined;
  if (allOf) {
    delete schema.allOf;
    delete schema.type;
    schema.anyOf = [allOf.length === 1 ? allOf[0] : { allOf }, { type: 'null' }];
    return;
  }
  if (typeof schema.type === 'string') schema.type = [schema.type, 'null'];
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
}
