import type { GatewayNotification } from '../payment-gateway.port';

/** Our order reference as the page sends it (the payment id) and Tranzila echoes it. */
export const REFERENCE_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;
/** Indexes are sent back as JSON numbers: at most 15 digits stay exact. */
const INDEX_PATTERN = /^\d{1,15}$/;
const TERMINAL_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
/** Shva's three-digit answers ("000" approved) and Tranzila's own longer codes. */
const RESPONSE_PATTERN = /^\d{3,6}$/;

/**
 * A Tranzila notify POST (reference §3.5): form-urlencoded, so it arrives as a flat map of
 * strings. It names the terminal (`supplier`), the transaction (`index`, the key of the
 * re-query and the refund), Shva's answer (`Response`), and echoes what the page was given,
 * our reference in `remarks` among it. Nothing in it is trusted: the driver re-queries by
 * index. Anything else (no Response: a pre-transaction error or a token-only call; arrays
 * from repeated keys; malformed values) is not a notification of ours.
 */
export function parseTranzilaNotification(body: unknown): GatewayNotification | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const form = body as Record<string, unknown>;
  const index = text(form.index, INDEX_PATTERN);
  const terminal = text(form.supplier, TERMINAL_PATTERN);
  const reference = text(form.remarks, REFERENCE_PATTERN);
  const response = text(form.Response, RESPONSE_PATTERN);
  if (!index || !terminal || !reference || !response) return null;
  return {
    // Indexes count per terminal: two businesses' terminals share numbers, the pair is unique.
    key: `${terminal}:${index}`,
    gatewayReference: reference,
    fields: { index, terminal, reference, response },
  };
}

function text(value: unknown, pattern: RegExp): string | null {
  return typeof value === 'string' && pattern.test(value) ? value : null;
}
