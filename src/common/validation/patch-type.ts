import type { Type } from '@nestjs/common';
import { DECORATORS, PartialType } from '@nestjs/swagger';

/**
 * The body of a PATCH: every field of the create DTO, optional, with the
 * create defaults dropped from the documentation (an omitted field keeps its
 * stored value; it is not reset to the create default).
 */
export function PatchType<T>(classRef: Type<T>): Type<Partial<T>> {
  const Patch = PartialType(classRef);
  const keys = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, Patch.prototype) as string[] | undefined) ?? [];
  for (const key of keys.map((k) => k.replace(/^:/, ''))) {
    const doc = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, Patch.prototype, key) as Record<string, unknown> | undefined;
    if (!doc || !('default' in doc)) continue;
    const { default: _default, ...rest } = doc;
    Reflect.defineMetadata(DECORATORS.API_MODEL_PROPERTIES, rest, Patch.prototype, key);
  }
  return Patch;
}
