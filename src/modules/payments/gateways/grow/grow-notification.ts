import type { GatewayNotification } from '../payment-gateway.port';
import { GROW_APPROVE_FIELDS } from './grow-api.types';

const PROCESS_ID = /^[A-Za-z0-9_-]{1,30}$/;
const TOKEN = /^[A-Za-z0-9_-]{1,64}$/;
const TRANSACTION_ID = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * The page handle a Grow payment is known by: `<processId>:<processToken>` (at most 95
 * characters), which getPaymentProcessInfo needs both halves of.
 */
export function growPageReference(processId: string, processToken: string): string | null {
  return PROCESS_ID.test(processId) && TOKEN.test(processToken) ? `${processId}:${processToken}` : null;
}

/** The processId and processToken of a page handle, or null when it is not one. */
export function parseGrowPageReference(reference: string): { processId: string; processToken: string } | null {
  const at = reference.indexOf(':');
  if (at < 0) return null;
  const processId = reference.slice(0, at);
  const processToken = reference.slice(at + 1);
  return PROCESS_ID.test(processId) && TOKEN.test(processToken) ? { processId, processToken } : null;
}

/**
 * Grow's server-to-server callback to notifyUrl: a form POST (not JSON) of `status`, `err`
 * and `data[...]` fields, which reaches us as a flat string map (urlencoded, extended:false),
 * so `data[transactionId]` is one key and the custom field is `data[customFields][cField1]`.
 * Whether Grow posts it multipart or urlencoded is UNCONFIRMED; either way the route hands
 * over flat fields.
 *
 * Filed by the transaction id; the page handle is the process the transaction belongs to;
 * the fields kept are those approveTransaction echoes back. Nothing here is trusted as an
 * answer: `query` asks Grow. Anything else (not a flat map of strings, a field missing or
 * malformed) is not a Grow notification.
 */
export function parseGrowNotification(body: unknown): GatewayNotification | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const flat = body as Record<string, unknown>;
  if (flat.status !== undefined && (typeof flat.status !== 'string' || flat.status.trim() !== '1')) return null;
  const fields: Record<string, string> = {};
  for (const name of GROW_APPROVE_FIELDS) {
    const value = flat[`data[${name}]`];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.length > 500) return null;
    fields[name] = value.trim();
  }
  const { transactionId, transactionToken, processId, processToken } = fields;
  if (!transactionId || !TRANSACTION_ID.test(transactionId) || !transactionToken || !TOKEN.test(transactionToken)) return null;
  const gatewayReference = growPageReference(processId ?? '', processToken ?? '');
  if (!gatewayReference) return null;
  return { key: transactionId, gatewayReference, fields };
}
