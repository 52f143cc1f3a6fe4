import { createHmac, randomBytes } from 'node:crypto';

/** The header every delivery carries: `t=<unix seconds>,v1=<hex HMAC-SHA256>[,v1=…]`. */
export const SIGNATURE_HEADER = 'ChatGrow-Signature';

/** A new endpoint secret: `whsec_` and 32 random bytes in base64url. The HMAC key is the whole string as UTF-8. */
export function newEndpointSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** Hex HMAC-SHA256 under `secret` of `"<t>.<raw body>"`. */
export function signatureOf(secret: string, timestamp: number, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(rawBody, 'utf8').digest('hex');
}

/**
 * The `ChatGrow-Signature` value of a body sent at `timestamp` (unix seconds):
 * one `v1` per secret given (the current one first; during a rotation also the
 * previous one, so a receiver that still holds it keeps verifying).
 */
export function signatureHeader(secrets: readonly string[], timestamp: number, rawBody: string): string {
  return [`t=${timestamp}`, ...secrets.map((s) => `v1=${signatureOf(s, timestamp, rawBody)}`)].join(',');
}
