/**
 * Grow's (formerly Meshulam) Light API at the wire: `POST {base}/api/light/server/1.0/<operation>`,
 * a form body (multipart/form-data, as Grow's docs show), a JSON answer
 * `{ status: 1 | 0, err: "" | { id, message }, data }`. An answer with status 0 comes with
 * HTTP 200, so the body decides, not the HTTP status.
 */

/** The path of the Light API's server calls, under the base URL (GROW_API_URL). */
export const GROW_API_PATH = '/api/light/server/1.0';

export type GrowOperation = 'createPaymentProcess' | 'getPaymentProcessInfo' | 'approveTransaction' | 'refundTransaction';

/** Every answer's envelope. Numbers may come as strings ("1"), sometimes with spaces (" 2"). */
export interface GrowAnswer<T> {
  status?: number | string;
  err?: '' | string | { id?: number | string; message?: string };
  data?: T | '' | null;
}

/** createPaymentProcess's data: the payment page and its handle (processId + processToken). */
export interface GrowProcessCreated {
  processId?: number | string;
  processToken?: string;
  url?: string;
}

/** What a process says about one transaction on its page (getPaymentProcessInfo's `data.transactions[]`). */
export interface GrowTransaction {
  transactionId?: number | string;
  transactionToken?: string;
  /** 2 paid; 0 not paid; 4 cancelled before transmission; 9 denied; 11 suspended (J5); 3 refunded; 6 a refund. */
  statusCode?: number | string;
  /** The status in Grow's words (Hebrew). */
  status?: string;
  /** Shekels, e.g. "123.45". */
  sum?: number | string;
  asmachta?: number | string;
  customFields?: Record<string, string> | null;
  cField1?: string;
}

/** getPaymentProcessInfo's data. */
export interface GrowProcessInfo {
  processId?: number | string;
  processToken?: string;
  transactions?: GrowTransaction[] | null;
  customFields?: Record<string, string> | null;
}

/** refundTransaction's data. */
export interface GrowRefunded {
  statusCode?: number | string;
  refundedTransactionId?: number | string;
}

/** Grow's statusCode of a paid transaction: the only one `query` reports as approved. */
export const GROW_PAID = 2;
/** statusCodes that end a transaction unpaid: 0 not paid, 4 cancelled before transmission, 9 denied. */
export const GROW_UNPAID = new Set([0, 4, 9]);

/**
 * The callback fields approveTransaction takes back, besides pageCode (Grow's reference:
 * "Approve Transaction"). They arrive as `data[<name>]` in the notification.
 */
export const GROW_APPROVE_FIELDS = [
  'transactionId',
  'transactionToken',
  'transactionTypeId',
  'paymentType',
  'sum',
  'firstPaymentSum',
  'periodicalPaymentSum',
  'paymentsNum',
  'allPaymentsNum',
  'paymentDate',
  'asmachta',
  'description',
  'fullName',
  'payerPhone',
  'payerEmail',
  'cardSuffix',
  'cardType',
  'cardTypeCode',
  'cardBrand',
  'cardBrandCode',
  'cardExp',
  'processId',
  'processToken',
] as const;
