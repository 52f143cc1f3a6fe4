import { GatewayError, toShekels, type HostedPageRequest } from '../payment-gateway.port';
import type { CardcomCreatePageRequest } from './cardcom-api.types';
import type { CardcomCredentials } from './cardcom-credentials';

/** Cardcom's `ISOCoinId`: 1 ILS and 2 USD are its own codes, other currencies their ISO 4217 number. */
const ISO_COIN_IDS: Record<string, number> = { ILS: 1, USD: 2, EUR: 978, GBP: 826 };

/** The longest URL Cardcom takes in a redirect or webhook field. */
const MAX_URL = 500;

/** The UI prefill fields hold at most 50 characters. */
const MAX_PREFILL = 50;

/**
 * The `LowProfile/Create` body of a hosted page.
 *
 * - Tax document: we issue our own, so the page must not. v11 has no "no document"
 *   switch at the top level; `Document.IsShowOnlyDocument` is the one flag its spec
 *   documents as "NO DOCUMENT WILL BE CREATED" (the line is only shown to the payer),
 *   and `IsSendByEmail: false` keeps Cardcom from mailing anything. Omitting `Document`
 *   would leave the choice to the terminal's own settings. UNCONFIRMED on a live
 *   terminal: that a terminal without the documents module accepts the flag.
 * - One product line whose cost equals `Amount` (integrators report the lines must add
 *   up to it; UNCONFIRMED), with `TotalLineCost` as the spec recommends against rounding.
 * - Installments: the payer may choose 1 to `installments` payments (Cardcom: 1–36).
 * - Payer prefill: values longer than the field are cut (name) or left out (email, phone);
 *   an Israeli E.164 phone is shown in its local form (0501234567), as payers type it.
 */
export function createPageBody(creds: CardcomCredentials, request: HostedPageRequest): CardcomCreatePageRequest {
  const coin = ISO_COIN_IDS[request.currency.toUpperCase()];
  if (coin === undefined)
    throw new GatewayError(`Cardcom pages here take ILS, USD, EUR or GBP, not ${request.currency}`, false, 'currency');
  if (!Number.isInteger(request.amountAgorot) || request.amountAgorot <= 0)
    throw new GatewayError('A Cardcom page needs a positive amount in whole agorot', false, 'amount');
  for (const url of [request.successUrl, request.failureUrl, request.notifyUrl])
    if (url.length > MAX_URL) throw new GatewayError(`Cardcom takes URLs of at most ${MAX_URL} characters`, false, 'url_too_long');

  const amount = toShekels(request.amountAgorot);
  const description = request.description.trim().slice(0, 250) || request.reference;
  const name = request.payer.name.trim();
  const email = request.payer.email?.trim() ?? '';
  const phone = localPhone(request.payer.phone?.trim() ?? '');
  const prefill = {
    ...(name ? { CardOwnerNameValue: name.slice(0, MAX_PREFILL) } : {}),
    ...(email && email.length <= MAX_PREFILL ? { CardOwnerEmailValue: email } : {}),
    ...(phone && phone.length <= MAX_PREFILL ? { CardOwnerPhoneValue: phone } : {}),
  };
  const installments = Math.min(Math.max(Math.trunc(request.installments), 1), 36);
  return {
    TerminalNumber: creds.terminalNumber,
    ApiName: creds.apiName,
    Operation: 'ChargeOnly',
    ReturnValue: request.reference,
    Amount: amount,
    SuccessRedirectUrl: request.successUrl,
    FailedRedirectUrl: request.failureUrl,
    CancelRedirectUrl: request.failureUrl,
    WebHookUrl: request.notifyUrl,
    ProductName: description,
    Language: 'he',
    ISOCoinId: coin,
    ...(Object.keys(prefill).length ? { UIDefinition: prefill } : {}),
    ...(installments > 1 ? { AdvancedDefinition: { MinNumOfPayments: 1, MaxNumOfPayments: installments } } : {}),
    Document: {
      Name: (name || 'לקוח').slice(0, MAX_PREFILL),
      IsShowOnlyDocument: true,
      IsSendByEmail: false,
      Products: [{ Description: description, Quantity: 1, UnitCost: amount, TotalLineCost: amount }],
    },
  };
}

/** +972501234567 → 0501234567; any other number as given. */
function localPhone(phone: string): string {
  const m = /^\+972(\d{8,9})$/.exec(phone);
  return m ? `0${m[1]}` : phone;
}
