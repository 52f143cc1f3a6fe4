import { type HostedPageRequest, toShekels } from '../payment-gateway.port';

/** Shekels with two decimals, as Grow's sum fields take them: 12345 → "123.45", 12300 → "123.00". */
export function growSum(agorot: number): string {
  return toShekels(agorot).toFixed(2);
}

/**
 * Grow asks for "no special characters" in any parameter: letters (Hebrew included),
 * digits, spaces and . , - are kept, anything else becomes a space. The length cap is
 * ours (Grow documents none).
 */
export function growText(text: string, max: number): string {
  return text
    .replace(/[^\p{L}\p{N}\s.,-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
}

/** An Israeli mobile number as Grow wants it (0500000000), or null: +972501234567, 050-123-4567 → 0501234567. */
export function growPhone(phone: string | null): string | null {
  if (!phone) return null;
  let digits = phone.replace(/[\s()-]/g, '');
  if (digits.startsWith('+972')) digits = `0${digits.slice(4)}`;
  else if (digits.startsWith('972')) digits = `0${digits.slice(3)}`;
  return /^05\d{8}$/.test(digits) ? digits : null;
}

/**
 * createPaymentProcess's fields for one page (without the credentials). Grow issues no tax
 * document through this call: no `productData` or `invoiceNotifyUrl` is sent, and the call has
 * no per-request flag that turns Grow's own invoice off (whether a Grow account issues invoices
 * is set up with Grow support — UNCONFIRMED; the business must keep that module off, we issue ours).
 *
 * The payer: Grow's page requires a full name of two words and an Israeli mobile (errors 717/54
 * otherwise); a name of one word or a phone that is not an Israeli mobile is left out so the
 * payer types it on Grow's page (UNCONFIRMED that the page asks for a missing one).
 */
export function growPageFields(request: HostedPageRequest): Record<string, string> {
  const fields: Record<string, string> = {
    sum: growSum(request.amountAgorot),
    chargeType: '1',
    successUrl: request.successUrl,
    cancelUrl: request.failureUrl,
    notifyUrl: request.notifyUrl,
    description: growText(request.description, 100) || 'תשלום',
    cField1: request.reference,
  };
  // A fixed number of installments; never maxPaymentNum with it (error 736), nothing for one payment
  // (a page set up for regular payments only refuses paymentNum, error 740).
  if (request.installments > 1) fields.paymentNum = String(request.installments);
  const name = growText(request.payer.name, 60);
  if (name.split(' ').length >= 2) fields['pageField[fullName]'] = name;
  const phone = growPhone(request.payer.phone);
  if (phone) fields['pageField[phone]'] = phone;
  if (request.payer.email) fields['pageField[email]'] = request.payer.email;
  return fields;
}
