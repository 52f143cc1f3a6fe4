import { randomUUID } from 'node:crypto';
import { isFreeFormObject, typesOf, type Schema } from './openapi-operations';
import { NAMED_PROPERTIES, propertyValueByName, type Records } from './robustness-records';
import { localDate } from './scheduling';

/**
 * A valid-looking body for a schema: the required properties plus those that
 * name records or must be unique (ids, email, phone, a start time), each from
 * the records, the schema's example, default or first enum value. Deprecated
 * optional properties stay out (they may be the old spelling of one sent in
 * the new shape, and sending both is refused). Hostile variants replace one
 * value in it, so the rest of the body does not mask what that value does.
 */
export async function validBody(r: Records, schema: Schema): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const required = new Set(schema.required ?? []);
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    if (required.has(name) || (NAMED_PROPERTIES.has(name) && !prop.deprecated)) out[name] = await sampleValue(r, name, prop);
  }
  if (typeof out.startsAt === 'string' && 'endsAt' in (schema.properties ?? {})) {
    out.endsAt = new Date(new Date(out.startsAt).getTime() + 60 * 60_000).toISOString();
  }
  return out;
}

/** A valid-looking value for one property. */
export async function sampleValue(r: Records, name: string, schema: Schema): Promise<unknown> {
  const types = typesOf(schema);
  if (types.includes('object') && schema.properties) return validBody(r, schema);
  const named = await propertyValueByName(r, name, schema);
  if (named !== undefined) return named;
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum.find((v) => v !== null);
  if (types.includes('array')) return schema.items ? [await sampleValue(r, name, schema.items)] : [];
  if (isFreeFormObject(schema)) return {};
  if (types.includes('integer') || types.includes('number')) return schema.minimum ?? 1;
  if (types.includes('boolean')) return true;
  if (schema.format === 'uuid') return randomUUID();
  if (schema.format === 'date-time') return new Date(Date.now() + 7 * 86_400_000).toISOString();
  if (schema.format === 'date') return localDate(7);
  return 'robustness';
}
