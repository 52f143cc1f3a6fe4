import { GatewayError } from '../payment-gateway.port';

/** A business's Cardcom credentials as the API takes them (see payment-credentials.ts for what the settings accept). */
export interface CardcomCredentials {
  terminalNumber: number;
  apiName: string;
  /** Only refunds and the credentials check need it. */
  apiPassword: string | null;
  /** What must never appear in a message. */
  secrets: string[];
}

const INT32_MAX = 2_147_483_647;

/** The stored credentials, checked again here (they are decrypted from the settings): a business without them gets a final error. */
export function cardcomCredentials(stored: Record<string, string>): CardcomCredentials {
  const terminal = /^\d{1,10}$/.test(stored.terminalNumber ?? '') ? Number(stored.terminalNumber) : NaN;
  const apiName = stored.apiName ?? '';
  if (!(terminal > 0 && terminal <= INT32_MAX) || !apiName)
    throw new GatewayError('The Cardcom settings need the terminal number and the API user name', false, 'credentials_missing');
  const apiPassword = stored.apiPassword || null;
  return { terminalNumber: terminal, apiName, apiPassword, secrets: [apiName, ...(apiPassword ? [apiPassword] : [])] };
}

/** The API password, or a final error saying the call needs it. */
export function requirePassword(creds: CardcomCredentials, what: string): string {
  if (!creds.apiPassword)
    throw new GatewayError(`${what} needs the Cardcom API password in the payment settings`, false, 'credentials_missing');
  return creds.apiPassword;
}
