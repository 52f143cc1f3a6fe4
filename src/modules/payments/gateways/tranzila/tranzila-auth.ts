import { createHmac, randomBytes } from 'node:crypto';
import { GatewayError } from '../payment-gateway.port';

/** A business's Tranzila credentials (see payment-credentials.ts): never logged nor put in a message. */
export interface TranzilaCredentials {
  terminalName: string;
  appKey: string;
  secret: string;
}

/** The credentials out of the context's map, or a final error naming the missing field (never its value). */
export function tranzilaCredentials(credentials: Record<string, string>): TranzilaCredentials {
  for (const field of ['terminalName', 'appKey', 'secret'] as const)
    if (!credentials[field]) throw new GatewayError(`Tranzila needs ${field} in the payment settings`, false, 'credentials_missing');
  return { terminalName: credentials.terminalName, appKey: credentials.appKey, secret: credentials.secret };
}

/**
 * The four headers that sign every REST call (reference §3.3): the app key, the request
 * time in Unix seconds (every working integration sends seconds; the docs' milliseconds on
 * some pages are UNCONFIRMED), a fresh nonce (40 random bytes, 80 hex characters), and the
 * access token: lowercase hex HMAC-SHA256 whose message is the app key and whose key is
 * secret + time + nonce (swapped, it is always refused with 401).
 */
export function tranzilaAuthHeaders(
  appKey: string,
  secret: string,
  now: Date = new Date(),
  nonce: string = randomBytes(40).toString('hex'),
): Record<string, string> {
  const time = String(Math.floor(now.getTime() / 1000));
  return {
    'X-tranzila-api-app-key': appKey,
    'X-tranzila-api-request-time': time,
    'X-tranzila-api-nonce': nonce,
    'X-tranzila-api-access-token': createHmac('sha256', secret + time + nonce)
      .update(appKey)
      .digest('hex'),
  };
}
