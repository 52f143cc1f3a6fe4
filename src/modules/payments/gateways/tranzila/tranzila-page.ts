import { GatewayError, toShekels, type HostedPageRequest } from '../payment-gateway.port';
import type { TranzilaPageParams } from './tranzila-wire.types';

/** Tranzila's numeric currency codes (reference §3.4; other tables differ, confirm per terminal). */
const CURRENCIES: Record<string, string> = { ILS: '1', USD: '2', EUR: '978', GBP: '826' };

/** ISO 4217 → Tranzila's `currency`; a currency it does not take is a final refusal. */
export function tranzilaCurrency(iso: string): string {
  const code = CURRENCIES[iso.toUpperCase()];
  if (!code) throw new GatewayError(`Tranzila takes ILS, USD, EUR or GBP, not ${iso}`, false, 'currency');
  return code;
}

/** Shekels with two decimals, as the page's `sum` (12345 → "123.45"). */
export function sumText(agorot: number): string {
  return toShekels(agorot).toFixed(2);
}

/**
 * The hosted page's URL: GET parameters on `{pageUrl}/{terminal}/iframenew.php`, for a
 * redirect or an iframe (reference §3.4). Decisions:
 * - tranmode A (a charge), lang il (Hebrew), the handshake's token `thtk` (the sum is locked).
 * - Installments: cred_type 8 with `maxpay`, the payer chooses up to that many (as the
 *   sandbox page offers "up to N"); one payment is cred_type 1.
 * - No tax document: Tranzila issues documents only with its invoice module and
 *   `json_purchase_data`; the page is sent no product lines (the reference names no
 *   explicit "no document" flag for the iframe).
 * - Our reference rides in `remarks`, a payer/invoice field the reference lists as echoed
 *   back in the notify (custom keys are echoed too, but that is UNCONFIRMED for all keys).
 */
export function tranzilaPageUrl(pageUrl: string, terminalName: string, request: HostedPageRequest, thtk: string): string {
  const params: TranzilaPageParams = {
    sum: sumText(request.amountAgorot),
    currency: tranzilaCurrency(request.currency),
    cred_type: request.installments > 1 ? '8' : '1',
    ...(request.installments > 1 ? { maxpay: String(request.installments) } : {}),
    tranmode: 'A',
    thtk,
    lang: 'il',
    success_url_address: request.successUrl,
    fail_url_address: request.failureUrl,
    notify_url_address: request.notifyUrl,
    pdesc: request.description.slice(0, 250),
    ...(request.payer.name ? { contact: request.payer.name } : {}),
    ...(request.payer.email ? { email: request.payer.email } : {}),
    ...(request.payer.phone ? { phone: request.payer.phone } : {}),
    remarks: request.reference,
  };
  const query = new URLSearchParams(params as unknown as Record<string, string>).toString();
  return `${pageUrl}/${encodeURIComponent(terminalName)}/iframenew.php?${query}`;
}
