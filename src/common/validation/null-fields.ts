import { DECORATORS } from '@nestjs/swagger';
import type { FieldError } from '../problem/problem-details';

type Class = abstract new (...args: never[]) => unknown;
interface PropertyDoc {
  type?: unknown;
  nullable?: boolean;
}

function propertyDoc(type: Class, property: string): PropertyDoc | undefined {
  return Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, type.prototype as object, property) as PropertyDoc | undefined;
}

/** The DTO class a documented property holds (`type: X`, `type: [X]` or `type: () => X`), if it is one. */
function nestedDto(doc: PropertyDoc): Class | undefined {
  let type = Array.isArray(doc.type) ? doc.type[0] : doc.type;
  if (typeof type === 'function' && !type.prototype) type = (type as () => unknown)();
  if (typeof type !== 'function') return undefined;
  return Reflect.hasMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, type.prototype as object) ? (type as Class) : undefined;
}

/**
 * `null` is a value only where the OpenAPI document says so (`nullable: true`);
 * anywhere else it is refused with the field's path, so an update can never
 * write null into a column that forbids it, and the contract and the server
 * cannot disagree. class-validator's `@IsOptional()` lets null through, hence
 * this check before it.
 */
export function nullFieldErrors(type: Class, value: unknown, path = ''): FieldError[] {
  if (!value || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nullFieldErrors(type, item, path ? `${path}.${i}` : String(i)));
  const errors: FieldError[] = [];
  for (const [key, child] of Object.entries(value)) {
    const doc = propertyDoc(type, key);
    if (!doc) continue; // unknown keys are refused by whitelisting
    const field = path ? `${path}.${key}` : key;
    if (child === null) {
      if (!doc.nullable) errors.push({ field, message: `${field} must not be null` });
      continue;
    }
    const nested = nestedDto(doc);
    if (nested) errors.push(...nullFieldErrors(nested, child, field));
  }
  return errors;
}
