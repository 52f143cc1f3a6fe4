/**
 * The fields a PATCH body actually carries. A validated DTO instance has every
 * declared property (ES2022 class fields), the unsent ones `undefined`;
 * copying it whole would overwrite stored values with nothing.
 */
export function sentFields<T extends object>(dto: T): Partial<T> {
  return Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<T>;
}
