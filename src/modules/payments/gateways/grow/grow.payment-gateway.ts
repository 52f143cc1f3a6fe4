import {
  GatewayError,
  toAgorot,
  type GatewayContext,
  type GatewayNotification,
  type GatewayRefund,
  type GatewayTransaction,
  type HostedPage,
  type HostedPageRequest,
  type PaymentGateway,
  type RefundRequest,
} from '../payment-gateway.port';
import { GrowApiClient } from './grow-api.client';
import {
  GROW_APPROVE_FIELDS,
  GROW_PAID,
  GROW_UNPAID,
  type GrowProcessCreated,
  type GrowProcessInfo,
  type GrowRefunded,
  type GrowTransaction,
} from './grow-api.types';
import { growPageReference, parseGrowNotification, parseGrowPageReference } from './grow-notification';
import { growPageFields, growSum } from './grow-page-fields';

/** Grow's credentials of one business (see payment-credentials.ts). */
interface GrowCredentials {
  userId: string;
  pageCode: string;
  /** Only for platforms Grow issued a company key to. */
  apiKey: string | null;
}

/** A numeric-or-string field of Grow's as trimmed text ("" when absent). */
const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value).trim());

/**
 * Grow (formerly Meshulam), Light API: a hosted payment page per payment
 * (createPaymentProcess), verified by asking Grow about the page (getPaymentProcessInfo),
 * acknowledged with approveTransaction (mandatory after every paid notification), refunded
 * with refundTransaction. Shekels only. `apiUrl` is the host (GROW_API_URL: production
 * https://secure.meshulam.co.il, sandbox https://sandbox.meshulam.co.il).
 */
export class GrowPaymentGateway implements PaymentGateway {
  private readonly api: GrowApiClient;

  constructor(apiUrl: string, timeoutMs?: number) {
    this.api = new GrowApiClient(apiUrl.replace(/\/+$/, ''), timeoutMs);
  }

  async createPage(ctx: GatewayContext, request: HostedPageRequest): Promise<HostedPage> {
    this.shekelsOnly(request.currency);
    const creds = credentials(ctx);
    const data = await this.api.call<GrowProcessCreated>(
      'createPaymentProcess',
      { userId: creds.userId, pageCode: creds.pageCode, ...apiKey(creds), ...growPageFields(request) },
      secrets(creds),
    );
    const gatewayReference = growPageReference(text(data.processId), text(data.processToken));
    const url = text(data.url);
    if (!gatewayReference || !/^https?:\/\//.test(url))
      throw new GatewayError('Grow createPaymentProcess: the answer has no page (processId, processToken, url)', false, 'bad_answer');
    return { gatewayReference, url };
  }

  /**
   * Grow's word on the page: approved only with statusCode 2 ("paid") on one of its
   * transactions, with the amount and our reference (cField1) as Grow holds them. The
   * notification that prompted the question is not consulted: its claims are not trusted.
   *
   * UNCONFIRMED in Grow's reference: the order of `transactions` (the last one is taken as
   * the latest when none is paid) and where the process info echoes cField1 (read from the
   * transaction's `customFields`, else the process's, else a plain `cField1`; null when absent).
   * 0 (not paid), 4 (cancelled) and 9 (denied) are declines; no transaction yet, 11 (suspended,
   * which our regular charges do not make) and any other code stay pending.
   */
  async query(
    ctx: GatewayContext,
    gatewayReference: string,
    _notification: GatewayNotification | null = null,
  ): Promise<GatewayTransaction> {
    const page = this.page(gatewayReference);
    const creds = credentials(ctx);
    const info = await this.api.call<GrowProcessInfo>(
      'getPaymentProcessInfo',
      { pageCode: creds.pageCode, processId: page.processId, processToken: page.processToken },
      secrets(creds),
    );
    const transactions = Array.isArray(info.transactions) ? info.transactions.filter((t) => t && typeof t === 'object') : [];
    const paid = transactions.find((t) => Number(text(t.statusCode)) === GROW_PAID);
    const latest: GrowTransaction | undefined = paid ?? transactions.at(-1);
    const code = latest ? Number(text(latest.statusCode)) : null;
    const status = paid ? 'approved' : code !== null && GROW_UNPAID.has(code) ? 'declined' : 'pending';
    const transactionToken = text(latest?.transactionToken);
    return {
      status,
      transactionId: text(latest?.transactionId) || null,
      amountAgorot: paid ? toAgorot(text(paid.sum)) : null,
      reference: text(latest?.customFields?.cField1 ?? info.customFields?.cField1 ?? latest?.cField1) || null,
      reason: paid || !latest ? null : text(latest.status) || `statusCode ${text(latest.statusCode)}`,
      // A refund names the transaction by id and token, with the page code it was paid through.
      refundData: paid && transactionToken ? { transactionToken, pageCode: creds.pageCode } : {},
    };
  }

  /**
   * approveTransaction: Grow's mandatory acknowledgement, echoing the callback's fields
   * (as received) with the page code. It does not change the charge; without it Grow keeps
   * re-sending the callback. Refused for a notification of another transaction than the
   * verified one.
   */
  async acknowledge(ctx: GatewayContext, notification: GatewayNotification, transaction: GatewayTransaction): Promise<void> {
    if (transaction.status !== 'approved' || notification.fields.transactionId !== transaction.transactionId)
      throw new GatewayError('Grow approveTransaction: the notification is not of the verified, paid transaction', false, 'not_verified');
    const creds = credentials(ctx);
    const echoed: Record<string, string> = { pageCode: creds.pageCode };
    for (const name of GROW_APPROVE_FIELDS) if (notification.fields[name] !== undefined) echoed[name] = notification.fields[name];
    await this.api.call('approveTransaction', echoed, secrets(creds));
  }

  /**
   * refundTransaction, full or partial (`refundSum`, shekels). Grow takes no idempotency key:
   * a refund retried after a lost answer may be refused as already refunded (210) or above
   * the original (105/190/218), but a partial one could be made twice. Grow's refusals (130
   * same-day partial, 207 before transmission, 110 already transferred, 115 insufficient balance…)
   * are final, with Grow's code.
   */
  async refund(ctx: GatewayContext, request: RefundRequest): Promise<GatewayRefund> {
    this.shekelsOnly(request.currency);
    const creds = credentials(ctx);
    const transactionToken = request.refundData.transactionToken;
    if (!transactionToken) throw new GatewayError('Grow refundTransaction: the transaction token is missing', false, 'missing_refund_data');
    const data = await this.api.call<GrowRefunded>(
      'refundTransaction',
      {
        userId: creds.userId,
        // The page code the transaction was paid through (Grow refuses another one).
        pageCode: request.refundData.pageCode || creds.pageCode,
        ...apiKey(creds),
        transactionId: request.transactionId,
        transactionToken,
        refundSum: growSum(request.amountAgorot),
      },
      secrets(creds),
    );
    return { refundId: text(data.refundedTransactionId) || null };
  }

  parseNotification(body: unknown): GatewayNotification | null {
    return parseGrowNotification(body);
  }

  /**
   * Grow offers no call made to check credentials. The probe: getPaymentProcessInfo of a
   * process that does not exist, a read that changes nothing. Grow refusing the process
   * itself (730 bad process id/token, 716) means it accepted the page code; any other refusal
   * (701 bad userId/pageCode, 731 …) is the reason. UNCONFIRMED which error Grow gives first
   * for a wrong page code with an unknown process; the userId is not checked by this call
   * (only createPaymentProcess and refundTransaction take it, and neither is harmless).
   */
  async checkCredentials(ctx: GatewayContext): Promise<string | null> {
    const creds = credentials(ctx);
    try {
      await this.api.call(
        'getPaymentProcessInfo',
        { pageCode: creds.pageCode, processId: '1', processToken: '0'.repeat(32) },
        secrets(creds),
      );
      return null;
    } catch (err) {
      if (!(err instanceof GatewayError) || err.temporary) throw err;
      return err.code === '730' || err.code === '716' ? null : err.message;
    }
  }

  private page(gatewayReference: string): { processId: string; processToken: string } {
    const page = parseGrowPageReference(gatewayReference);
    if (!page) throw new GatewayError('Not a Grow page reference', false, 'bad_reference');
    return page;
  }

  /** Grow's pages take no currency: shekels only. */
  private shekelsOnly(currency: string): void {
    if (currency.toUpperCase() !== 'ILS') throw new GatewayError(`Grow takes shekels only, not ${currency}`, false, 'currency_unsupported');
  }
}

function credentials(ctx: GatewayContext): GrowCredentials {
  const { userId, pageCode, apiKey } = ctx.credentials;
  if (!userId || !pageCode) throw new GatewayError('Grow needs the userId and pageCode of the business', false, 'missing_credentials');
  return { userId, pageCode, apiKey: apiKey || null };
}

/** The platform key, on the calls Grow's reference takes it with (createPaymentProcess, refundTransaction). */
function apiKey(creds: GrowCredentials): Record<string, string> {
  return creds.apiKey ? { apiKey: creds.apiKey } : {};
}

function secrets(creds: GrowCredentials): string[] {
  return [creds.userId, creds.pageCode, creds.apiKey ?? ''];
}
