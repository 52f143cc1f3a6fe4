import { randomInt } from 'node:crypto';
import { type HttpFake, type RecordedRequest, sendJson, startHttpFake } from './http-fake';

/** Test VAT numbers the 2023 sandbox accepted. */
export const ITA_TEST_VAT_NUMBERS = ['777777715', '777777723', '777777731', '777777749'];

export interface ItaFake extends HttpFake {
  /** The approved requests, bodies parsed, with the number given. */
  approved: { request: RecordedRequest; body: Record<string, unknown>; confirmationNumber: string }[];
  /** Answer the next allocation request with this error (HTTP status = the Authority's Status). */
  refuseNext(status: number, message: string): void;
  /** Access tokens the fake accepts (add or revoke). */
  accessTokens: Set<string>;
  /** Refresh tokens the fake exchanges for a new access token. */
  refreshTokens: Set<string>;
}

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');
const num = (v: unknown) => (typeof v === 'number' ? v : NaN);
const cents = (v: unknown) => Math.round(num(v) * 100);

/**
 * The Tax Authority's Israel Invoices allocation API (v1) as it answers at the
 * wire: `POST …/Invoices/v1/Approval` with `Authorization: Bearer` (401
 * otherwise), the body checked against the published schema (422 naming the
 * field), a customer VAT number that is not 9 digits refused with 432, and an
 * approval answered `{ Status: 200, Message, Confirmation_Number }` with a
 * 26-digit number. `POST …/oauth2/token` exchanges a refresh token.
 */
export async function startItaFake(options: { accessTokens?: string[]; refreshTokens?: string[] } = {}): Promise<ItaFake> {
  const approved: ItaFake['approved'] = [];
  const accessTokens = new Set(options.accessTokens ?? ['ita-access-token']);
  const refreshTokens = new Set(options.refreshTokens ?? []);
  const refusals: { status: number; message: string }[] = [];
  const fake = await startHttpFake((req, res) => {
    if (req.method === 'POST' && req.path.endsWith('/longtimetoken/oauth2/token')) {
      const form = new URLSearchParams(req.body);
      const refresh = form.get('refresh_token') ?? '';
      if (form.get('grant_type') !== 'refresh_token' || !refreshTokens.has(refresh))
        return sendJson(res, 400, { error: 'invalid_grant', error_description: 'refresh token expired or unknown' });
      refreshTokens.delete(refresh);
      const access = `ita-access-${digits(8)}`;
      const next = `ita-refresh-${digits(8)}`;
      accessTokens.add(access);
      refreshTokens.add(next);
      return sendJson(res, 200, { access_token: access, refresh_token: next, token_type: 'Bearer', expires_in: 601 });
    }
    if (req.method !== 'POST' || !req.path.endsWith('/Invoices/v1/Approval'))
      return sendJson(res, 404, { Status: 404, Message: 'Not found' });
    const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    if (!token || !accessTokens.has(token)) return sendJson(res, 401, { Status: 401, Message: 'Unauthorized: invalid or expired token' });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(req.body) as Record<string, unknown>;
    } catch {
      return sendJson(res, 422, { Status: 422, Message: 'Request body is not valid JSON' });
    }
    const violation = schemaViolation(body);
    if (violation) return sendJson(res, 422, { Status: 422, Message: violation });
    const refusal = refusals.shift();
    if (refusal) return sendJson(res, refusal.status, { Status: refusal.status, Message: refusal.message, Confirmation_Number: null });
    if (!/^\d{9}$/.test(String(body.Customer_VAT_Number)))
      return sendJson(res, 432, { Status: 432, Message: 'Customer VAT Number is incorrect', Confirmation_Number: null });
    const confirmationNumber = digits(26).replace(/^0/, '1');
    approved.push({ request: req, body, confirmationNumber });
    sendJson(res, 200, { Status: 200, Message: 'Approved', Confirmation_Number: confirmationNumber });
  });
  return { ...fake, approved, accessTokens, refreshTokens, refuseNext: (status, message) => refusals.push({ status, message }) };
}

/** The first rule of the v1 schema the body breaks, or undefined. */
function schemaViolation(b: Record<string, unknown>): string | undefined {
  for (const field of ['Invoice_ID', 'Invoice_Type', 'Vat_Number', 'Customer_VAT_Number', 'Invoice_Date', 'Accounting_Software_Number'])
    if (b[field] === undefined || b[field] === null || b[field] === '') return `${field} is required`;
  if (![300, 305, 306, 310, 320, 330, 331, 332, 340, 345].includes(num(b.Invoice_Type))) return 'Invoice_Type is not a known type';
  if (!/^\d{9}$/.test(String(b.Vat_Number))) return 'Vat_Number must be 9 digits';
  if (typeof b.Customer_Name !== 'string' || [...b.Customer_Name].length > 25) return 'Customer_Name must be at most 25 characters';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(String(b.Invoice_Date))) return 'Invoice_Date must be YYYY-MM-DD';
  for (const field of ['Amount_Before_Discount', 'Discount', 'Payment_Amount', 'VAT_Amount', 'Payment_Amount_Including_VAT']) {
    const v = num(b[field]);
    if (!Number.isFinite(v) || Math.abs(v * 100 - Math.round(v * 100)) > 1e-6) return `${field} must be a number with at most 2 decimals`;
  }
  if (cents(b.Payment_Amount) + cents(b.VAT_Amount) !== cents(b.Payment_Amount_Including_VAT))
    return 'Payment_Amount + VAT_Amount must equal Payment_Amount_Including_VAT';
  const items = b.Items as Record<string, unknown>[] | undefined;
  if (!Array.isArray(items) || items.length === 0) return 'Items must list at least one item';
  for (const [i, item] of items.entries()) {
    if (typeof item.Description !== 'string' || [...item.Description].length > 30)
      return `Items[${i}].Description must be at most 30 characters`;
  }
  if (items.reduce((s, i) => s + cents(i.VAT_Amount), 0) !== cents(b.VAT_Amount)) return 'Items VAT_Amount must add up to VAT_Amount';
  return undefined;
}
