import { sha256 } from './tokens';

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** SHA-256 of a request with its keys sorted, so `{a,b}` and `{b,a}` are one request. */
export function requestHash(scope: string, body: unknown): string {
  return sha256(JSON.stringify({ scope, body: canonical(body) }));
}
