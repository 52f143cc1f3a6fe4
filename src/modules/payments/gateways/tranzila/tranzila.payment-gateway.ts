import type { AppConfig } from '../../../../infra/config/app-config';
import {
  GatewayError,
  toAgorot,
  toShekels,
  type GatewayContext,
  type GatewayNotification,
  type GatewayRefund,
  type GatewayTransaction,
  type HostedPage,
  type HostedPageRequest,
  type PaymentGateway,
  type RefundRequest,
} from '../payment-gateway.port';
import { tranzilaCredentials } from './tranzila-auth';
import { parseTranzilaNotification } from './tranzila-notification';
import { tranzilaCurrency, tranzilaPageUrl } from './tranzila-page';
import { TranzilaRestClient } from './tranzila-rest.client';
import type {
  TranzilaCreditAnswer,
  TranzilaCreditRequest,
  TranzilaHandshakeAnswer,
  TranzilaHandshakeRequest,
  TranzilaReportAnswer,
  TranzilaReportRequest,
  TranzilaReportRow,
} from './tranzila-wire.types';

export interface TranzilaSettings {
  /** TRANZILA_API_URL: handshake and refunds. */
  apiUrl: string;
  /** TRANZILA_REPORTS_URL: the transaction re-query. */
  reportsUrl: string;
  /** TRANZILA_PAGE_URL: the hosted page. */
  pageUrl: string;
  /** How long one call may take; default 15 s. */
  timeoutMs?: number;
}

/** Shva's answers a decline is most often given, in words (full table: tranzilajs constants). */
const DECLINES: Record<string, string> = {
  '001': 'blocked card',
  '002': 'stolen card',
  '003': 'contact the card company',
  '004': 'refused',
  '005': 'forged card',
  '006': 'wrong ID number or CVV',
  '033': 'defective card',
  '036': 'expired card',
  '777': 'verified, nothing charged',
};

const UNKNOWN: Omit<GatewayTransaction, 'reason'> = {
  status: 'pending',
  transactionId: null,
  amountAgorot: null,
  reference: null,
  refundData: {},
};

/**
 * Tranzila (reference §3): a hosted page after a server-side handshake that locks the sum,
 * a form-urlencoded notify to our webhook, verification by re-querying the transaction
 * reports API with the notified index, refunds as REST credits. Every REST call is signed
 * with the business's app key and secret (tranzila-auth.ts).
 *
 * The page handle (`gatewayReference`) is our own reference, the payment id: Tranzila has
 * no page id before a payment, and its transaction index only arrives with the notify.
 */
export class TranzilaPaymentGateway implements PaymentGateway {
  private readonly rest: TranzilaRestClient;
  private readonly apiUrl: string;
  private readonly reportsUrl: string;
  private readonly pageUrl: string;

  /** The driver on the configured hosts (TRANZILA_API_URL, TRANZILA_REPORTS_URL, TRANZILA_PAGE_URL). */
  static fromConfig(config: AppConfig): TranzilaPaymentGateway {
    return new TranzilaPaymentGateway({
      apiUrl: config.get('TRANZILA_API_URL', { infer: true }),
      reportsUrl: config.get('TRANZILA_REPORTS_URL', { infer: true }),
      pageUrl: config.get('TRANZILA_PAGE_URL', { infer: true }),
    });
  }

  constructor(settings: TranzilaSettings) {
    this.rest = new TranzilaRestClient(settings.timeoutMs ?? 15_000);
    this.apiUrl = settings.apiUrl.replace(/\/+$/, '');
    this.reportsUrl = settings.reportsUrl.replace(/\/+$/, '');
    this.pageUrl = settings.pageUrl.replace(/\/+$/, '');
  }

  async createPage(ctx: GatewayContext, request: HostedPageRequest): Promise<HostedPage> {
    const creds = tranzilaCredentials(ctx.credentials);
    tranzilaCurrency(request.currency);
    const handshake: TranzilaHandshakeRequest = { terminal_name: creds.terminalName, sum: toShekels(request.amountAgorot) };
    const answer = await this.rest.post<TranzilaHandshakeAnswer>(`${this.apiUrl}/v2/handshake/create`, handshake, creds, 'handshake');
    if (typeof answer.thtk !== 'string' || !answer.thtk)
      throw new GatewayError('Tranzila answered the handshake without a token (thtk)', false, 'no_thtk');
    return {
      gatewayReference: request.reference,
      url: tranzilaPageUrl(this.pageUrl, creds.terminalName, request, answer.thtk),
    };
  }

  /**
   * The transaction the notification names, read back from the reports API by its index;
   * the notification's own claims (Response, sum) are not used. Decisions:
   * - Without a notification (polling) there is no index to ask by, and the reports name
   *   no field confirmed to carry our reference: pending, until the notify arrives.
   * - Approved only on `processor_response_code` "000" for a charge (a credit's row, tranmode
   *   C… or txn_type credit, is never a payment); "shva" or no code yet is pending.
   * - `amount` is read as shekels, as the notify's `sum` (UNCONFIRMED: one integration says
   *   agorot; the service compares it with the payment, so a wrong unit fails safe).
   * - `reference` is the one Tranzila echoed in the notify (`remarks`): the report row has no
   *   confirmed field for it; the inbox keeps one row per terminal and index, so an index
   *   is bound to one payment.
   */
  async query(ctx: GatewayContext, _gatewayReference: string, notification: GatewayNotification | null): Promise<GatewayTransaction> {
    const creds = tranzilaCredentials(ctx.credentials);
    const index = notification?.fields.index;
    if (!index || !/^\d{1,15}$/.test(index))
      return { ...UNKNOWN, reason: 'Tranzila is asked by transaction index, which only its notification gives' };
    // Indexes count per terminal: another terminal's index would name one of ours that is not it.
    if (notification.fields.terminal !== creds.terminalName)
      return { ...UNKNOWN, reason: "The notification names another terminal than the business's" };
    const body: TranzilaReportRequest = { terminal_name: creds.terminalName, transaction_index: Number(index) };
    const answer = await this.rest.post<TranzilaReportAnswer>(`${this.reportsUrl}/v1/transaction`, body, creds, 'transaction query');
    const row = Array.isArray(answer.transactions) ? answer.transactions.find((r) => String(r?.index) === index) : undefined;
    if (!row) return { ...UNKNOWN, reason: `Tranzila has no transaction ${index} on this terminal (yet)` };
    return this.transaction(row, index, notification.fields.reference ?? null);
  }

  private transaction(row: TranzilaReportRow, index: string, reference: string | null): GatewayTransaction {
    const code = typeof row.processor_response_code === 'string' ? row.processor_response_code.trim() : '';
    const refundData: Record<string, string> = row.authorization_number ? { authorizationNumber: String(row.authorization_number) } : {};
    const base = { transactionId: index, reference, refundData };
    const txnType = typeof row.txn_type === 'string' ? row.txn_type.toLowerCase() : '';
    const tranmode = typeof row.tranmode === 'string' ? row.tranmode : '';
    if (/^C/i.test(tranmode) || ['credit', 'cancel', 'reversal'].includes(txnType))
      return { ...base, status: 'declined', amountAgorot: null, reason: `Tranzila transaction ${index} is not a charge` };
    if (code === '' || code.toLowerCase() === 'shva')
      return { ...base, status: 'pending', amountAgorot: null, reason: 'The card network has not answered yet' };
    if (code !== '000')
      return { ...base, status: 'declined', amountAgorot: null, reason: `Tranzila ${code}${DECLINES[code] ? `: ${DECLINES[code]}` : ''}` };
    const amountAgorot = toAgorot(typeof row.amount === 'number' || typeof row.amount === 'string' ? row.amount : null);
    if (amountAgorot === null)
      throw new GatewayError(`Tranzila reported transaction ${index} without a readable amount`, false, 'unreadable_answer');
    return { ...base, status: 'approved', amountAgorot, reason: null };
  }

  /** Tranzila asks for no acknowledgement of a notify: nothing is sent. */
  async acknowledge(): Promise<void> {}

  /**
   * A REST credit against the original index (reference §3.6), with its authorisation
   * number; full and partial refunds alike (a `cancel` only works before settlement).
   * Success is `error_code` 0 and `processor_response_code` "000". Tranzila takes no
   * idempotency key that we know of, so `refundReference` is not sent. No document is
   * asked for: the reference names no invoice flag on the credit call, and Tranzila's
   * documents need its invoice module (UNCONFIRMED whether a credit on such a terminal issues one).
   * REST refunds may have to be enabled per terminal (UNCONFIRMED): then Tranzila refuses, a final error.
   */
  async refund(ctx: GatewayContext, request: RefundRequest): Promise<GatewayRefund> {
    const creds = tranzilaCredentials(ctx.credentials);
    if (!/^\d{1,15}$/.test(request.transactionId))
      throw new GatewayError('A Tranzila refund needs the numeric index of the charge', false, 'transaction_id');
    tranzilaCurrency(request.currency);
    const body: TranzilaCreditRequest = {
      terminal_name: creds.terminalName,
      txn_type: 'credit',
      reference_txn_id: Number(request.transactionId),
      ...(request.refundData.authorizationNumber ? { authorization_number: request.refundData.authorizationNumber } : {}),
      items: [
        {
          name: 'זיכוי',
          type: 'I',
          unit_price: toShekels(request.amountAgorot),
          units_number: 1,
          currency_code: request.currency.toUpperCase(),
        },
      ],
    };
    const answer = await this.rest.post<TranzilaCreditAnswer>(`${this.apiUrl}/v1/transaction/credit_card/create`, body, creds, 'refund');
    const result = answer.transaction_result;
    const code = typeof result?.processor_response_code === 'string' ? result.processor_response_code : null;
    if (code !== '000')
      throw new GatewayError(
        `Tranzila declined the refund${code ? `: ${code}${DECLINES[code] ? ` (${DECLINES[code]})` : ''}` : ' without a processor answer'}`,
        false,
        code ?? 'no_processor_code',
      );
    const id = result?.transaction_id;
    return { refundId: typeof id === 'string' || typeof id === 'number' ? String(id) : null };
  }

  parseNotification(body: unknown): GatewayNotification | null {
    return parseTranzilaNotification(body);
  }

  /**
   * A read that changes nothing: today's transactions of the terminal from the reports API,
   * signed with the keys (a handshake would also check them, but it creates a page token).
   * Null when Tranzila takes them; its reason when it refuses; unreachable stays an error.
   */
  async checkCredentials(ctx: GatewayContext): Promise<string | null> {
    try {
      const creds = tranzilaCredentials(ctx.credentials);
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jerusalem' }).format(new Date());
      const body: TranzilaReportRequest = { terminal_name: creds.terminalName, transaction_start_date: today, transaction_end_date: today };
      await this.rest.post<TranzilaReportAnswer>(`${this.reportsUrl}/v1/transaction`, body, creds, 'credentials check');
      return null;
    } catch (err) {
      if (err instanceof GatewayError && !err.temporary) return err.message;
      throw err;
    }
  }
}
