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
import { CARDCOM_TIMEOUT_MS, CardcomApi, describe, refusal } from './cardcom-api.client';
import {
  CARDCOM_PATHS,
  GUID,
  type CardcomCreatePageAnswer,
  type CardcomListTransactionsRequest,
  type CardcomPageResult,
  type CardcomPageResultRequest,
  type CardcomRefundAnswer,
  type CardcomRefundRequest,
} from './cardcom-api.types';
import { cardcomCredentials, requirePassword } from './cardcom-credentials';
import { parseCardcomNotification } from './cardcom-notification';
import { createPageBody } from './cardcom-page-request';

const positiveId = (v: unknown): number | null => (Number.isSafeInteger(v) && (v as number) > 0 ? (v as number) : null);

/**
 * Cardcom, API v11 "LowProfile": a hosted page per payment (`LowProfile/Create`),
 * verified by asking `LowProfile/GetLpResult` (the webhook is unsigned), refunded
 * with `Transactions/RefundByTransactionId`. Credentials travel in each JSON body;
 * `baseUrl` is CARDCOM_API_URL (production and test terminals share one host).
 */
export class CardcomPaymentGateway implements PaymentGateway {
  private readonly api: CardcomApi;

  constructor(baseUrl: string, timeoutMs = CARDCOM_TIMEOUT_MS) {
    this.api = new CardcomApi(baseUrl.replace(/\/+$/, ''), timeoutMs);
  }

  async createPage(ctx: GatewayContext, request: HostedPageRequest): Promise<HostedPage> {
    const creds = cardcomCredentials(ctx.credentials);
    const answer = await this.api.post<CardcomCreatePageAnswer>(CARDCOM_PATHS.createPage, createPageBody(creds, request), creds.secrets);
    if (answer.ResponseCode !== 0) throw refusal('Cardcom did not create the page', answer, creds.secrets);
    if (typeof answer.LowProfileId !== 'string' || !GUID.test(answer.LowProfileId) || typeof answer.Url !== 'string' || !answer.Url)
      throw new GatewayError('Cardcom created a page but gave no LowProfileId or Url', false, 'bad_answer');
    return { gatewayReference: answer.LowProfileId.toLowerCase(), url: answer.Url };
  }

  /**
   * Approved only when Cardcom says so twice, as its spec documents: the result's
   * `ResponseCode` 0 and its `TranzactionInfo.ResponseCode` 0, with a transaction id.
   * A `TranzactionInfo` with another code is a decline (700/701 are card checks that
   * charge nothing; this driver only opens ChargeOnly pages). A result with no
   * `TranzactionInfo` is pending: what GetLpResult answers for a page still open is
   * UNCONFIRMED, and a non-zero code there may only mean the payer has not finished
   * (the reason carries Cardcom's words). Wrong credentials come as HTTP 401 (thrown).
   * The notification is not needed: the page id says everything.
   */
  async query(ctx: GatewayContext, gatewayReference: string, _notification: GatewayNotification | null): Promise<GatewayTransaction> {
    const creds = cardcomCredentials(ctx.credentials);
    if (!GUID.test(gatewayReference)) throw new GatewayError('Not a Cardcom LowProfileId', false, 'page_id');
    const body: CardcomPageResultRequest = { TerminalNumber: creds.terminalNumber, ApiName: creds.apiName, LowProfileId: gatewayReference };
    const answer = await this.api.post<CardcomPageResult>(CARDCOM_PATHS.pageResult, body, creds.secrets);
    if (typeof answer.LowProfileId === 'string' && answer.LowProfileId.toLowerCase() !== gatewayReference.toLowerCase())
      throw new GatewayError('Cardcom answered about another page', false, 'page_mismatch');

    const info = answer.TranzactionInfo && typeof answer.TranzactionInfo === 'object' ? answer.TranzactionInfo : null;
    const transactionId = positiveId(info?.TranzactionId) ?? positiveId(answer.TranzactionId);
    const reference = typeof answer.ReturnValue === 'string' ? answer.ReturnValue : null;
    const base = { transactionId: transactionId === null ? null : String(transactionId), reference, refundData: {} };
    if (answer.ResponseCode === 0 && info?.ResponseCode === 0 && transactionId !== null) {
      const amountAgorot = toAgorot(info.Amount);
      if (amountAgorot === null) throw new GatewayError('Cardcom approved the page but gave no amount', false, 'bad_answer');
      // RefundByTransactionId needs nothing besides the transaction id and the credentials.
      return { ...base, status: 'approved', amountAgorot, reason: null };
    }
    if (info && Number.isInteger(info.ResponseCode) && info.ResponseCode !== 0) {
      const words = info.Description || answer.Description;
      return {
        ...base,
        status: 'declined',
        amountAgorot: null,
        reason: describe({ ResponseCode: info.ResponseCode!, Description: words }, creds.secrets),
      };
    }
    return { ...base, status: 'pending', amountAgorot: null, reason: answer.ResponseCode === 0 ? null : describe(answer, creds.secrets) };
  }

  /** Cardcom asks for no acknowledgement beyond the webhook's HTTP 200: nothing is sent. */
  async acknowledge(_ctx: GatewayContext, _notification: GatewayNotification, _transaction: GatewayTransaction): Promise<void> {}

  /**
   * A credit against the charge (`CancelOnly: false`; Cardcom may void it instead when
   * not yet deposited). A full refund sends no `PartialSum`; a partial one sends it with
   * `AllowMultipleRefunds`, so later partials of the same charge are accepted too.
   * Cardcom takes no idempotency key here (refundReference is not sent): after a timeout
   * the outcome is unknown, and a retry of a partial refund could refund twice.
   */
  async refund(ctx: GatewayContext, request: RefundRequest): Promise<GatewayRefund> {
    const creds = cardcomCredentials(ctx.credentials);
    const password = requirePassword(creds, 'A Cardcom refund');
    const transactionId = /^\d{1,18}$/.test(request.transactionId) ? Number(request.transactionId) : NaN;
    if (!Number.isSafeInteger(transactionId) || transactionId <= 0)
      throw new GatewayError('Not a Cardcom transaction id', false, 'transaction_id');
    if (!Number.isInteger(request.amountAgorot) || request.amountAgorot <= 0 || request.amountAgorot > request.paidAgorot)
      throw new GatewayError('A refund must be between 0.01 and the amount paid', false, 'amount');
    const partial = request.amountAgorot < request.paidAgorot;
    const body: CardcomRefundRequest = {
      ApiName: creds.apiName,
      ApiPassword: password,
      TransactionId: transactionId,
      ...(partial ? { PartialSum: toShekels(request.amountAgorot), AllowMultipleRefunds: true as const } : {}),
      CancelOnly: false,
    };
    const answer = await this.api.post<CardcomRefundAnswer>(CARDCOM_PATHS.refund, body, creds.secrets);
    if (answer.ResponseCode !== 0) throw refusal('Cardcom refused the refund', answer, creds.secrets);
    const refundId = positiveId(answer.NewTranzactionId);
    return { refundId: refundId === null ? null : String(refundId) };
  }

  parseNotification(body: unknown): GatewayNotification | null {
    return parseCardcomNotification(body);
  }

  /**
   * Cardcom has no "who am I" call. `Transactions/ListTransactions` is read-only and
   * authenticates the API user with its password (what refunds need); it lists today's
   * page of at most 10 transactions, limited to this terminal, and the list is not read.
   * It proves the terminal number only as far as Cardcom refuses a terminal outside the
   * user's company (UNCONFIRMED), and an API user without report rights would fail it
   * (UNCONFIRMED). Refusals are returned as the reason; a gateway that cannot be reached
   * throws its temporary GatewayError (no verdict either way).
   */
  async checkCredentials(ctx: GatewayContext): Promise<string | null> {
    try {
      const creds = cardcomCredentials(ctx.credentials);
      const today = israelDate(new Date());
      const body: CardcomListTransactionsRequest = {
        ApiName: creds.apiName,
        ApiPassword: requirePassword(creds, 'The credentials check'),
        FromDate: today,
        ToDate: today,
        Page: 1,
        Page_size: 10,
        LimitForTerminal: creds.terminalNumber,
      };
      const answer = await this.api.post(CARDCOM_PATHS.listTransactions, body, creds.secrets);
      return answer.ResponseCode === 0 ? null : describe(answer, creds.secrets);
    } catch (err) {
      if (err instanceof GatewayError && !err.temporary) return err.message;
      throw err;
    }
  }
}

/** DDMMYYYY in Israel. */
function israelDate(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Jerusalem',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('day')}${part('month')}${part('year')}`;
}
