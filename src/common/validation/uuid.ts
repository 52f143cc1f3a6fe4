const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value is a UUID (any version): ids from paths, tokens and headers are checked before they reach a query. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
