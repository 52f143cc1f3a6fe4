import { createHash } from 'node:crypto';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { resolvePointer, type OpenApiDocument } from './openapi-document';

/**
 * JSON Schema 2020-12 validation of values against schemas that live inside
 * an OpenAPI 3.1 document. The component schemas are registered with Ajv as
 * the `$defs` of one schema (a copy of the document whose
 * `#/components/schemas/X` references point there), so each schema compiles
 * with its references resolved. One Ajv per distinct document and one
 * compiled validator per place in it, for the whole process.
 */
export interface DocumentSchemas {
  /** Validates `value` against the schema at `pointer` (see `pointer()`); the errors, or none. */
  validate(pointer: string, value: unknown): ErrorObject[];
}

const COMPONENTS_ID = 'urn:chatgrow:openapi:components';
const byDocument = new Map<string, DocumentSchemas>();

export function schemasOf(doc: OpenApiDocument): DocumentSchemas {
  const key = createHash('sha256').update(JSON.stringify(doc)).digest('hex');
  let schemas = byDocument.get(key);
  if (!schemas) {
    schemas = compileLazily(doc);
    byDocument.set(key, schemas);
  }
  return schemas;
}

function compileLazily(doc: OpenApiDocument): DocumentSchemas {
  // strict: an unknown keyword or a malformed schema throws rather than being
  // silently ignored; OpenAPI's own annotation keywords are declared instead.
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addVocabulary(['example', 'xml', 'externalDocs', 'discriminator']);
  const copy = pointComponentRefs(structuredClone(doc)) as OpenApiDocument;
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: copy.components?.schemas ?? {} });
  const byPointer = new Map<string, ValidateFunction>();
  // The same schema at many places (every problem answer is one `$ref`) compiles once.
  const bySchema = new Map<string, ValidateFunction>();
  return {
    validate(pointer, value) {
      let validate = byPointer.get(pointer);
      if (!validate) {
        const schema = resolvePointer(copy, pointer);
        if (!schema || typeof schema !== 'object') throw new Error(`No schema at ${pointer}`);
        const key = JSON.stringify(schema);
        validate = bySchema.get(key) ?? ajv.compile(schema);
        bySchema.set(key, validate);
        byPointer.set(pointer, validate);
      }
      return validate(value) ? [] : [...(validate.errors ?? [])];
    },
  };
}

/** Rewrites every `#/components/schemas/X` reference to the registered `$defs`. */
function pointComponentRefs(node: unknown): unknown {
  if (Array.isArray(node)) node.forEach(pointComponentRefs);
  else if (node && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    if (typeof obj.$ref === 'string' && obj.$ref.startsWith('#/components/schemas/')) {
      obj.$ref = `${COMPONENTS_ID}#/$defs/${obj.$ref.slice('#/components/schemas/'.length)}`;
    }
    Object.values(obj).forEach(pointComponentRefs);
  }
  return node;
}

/** Ajv errors as short lines: `/lastName must be string,null`. */
export function describeErrors(errors: ErrorObject[], max = 5): string {
  const lines = errors.slice(0, max).map((e) => `${e.instancePath || '(root)'} ${e.message ?? e.keyword}${paramsOf(e)}`);
  if (errors.length > max) lines.push(`… and ${errors.length - max} more`);
  return lines.join('; ');
}

function paramsOf(e: ErrorObject): string {
  if (e.keyword === 'enum') return ` ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
  if (e.keyword === 'additionalProperties') return ` (${(e.params as { additionalProperty: string }).additionalProperty})`;
  return '';
}
