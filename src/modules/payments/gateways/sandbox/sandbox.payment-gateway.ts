import { randomToken } from '../../../../common/crypto/tokens';
import {
  GatewayError,
  type GatewayContext,
  type GatewayNotification,
  type GatewayRefund,
  type GatewayTransaction,
  type HostedPage,
  type HostedPageRequest,
  type PaymentGateway,
  type RefundRequest,
} from '../payment-gateway.port';
import { sandboxOutcome } from './sandbox-cards';
import type { SandboxLedgerRepository } from './sandbox-ledger.repository';
import type { SandboxTransaction } from './sandbox-transaction.entity';

/** What the sandbox posts to the notify URL: JSON, unsigned, like the real gateways' notifications. */
export interface SandboxNotificationBody {
  transactionId: string;
  pageToken: string;
}

/** A submitted card: where to send the payer, and the notification to post to our webhook (null: nothing new to tell). */
export interface SandboxSubmission {
  redirectUrl: string;
  notify: { url: string; body: SandboxNotificationBody } | null;
}

/**
 * The sandbox gateway: a hosted page served by the app (`/sandbox/pay/:token`),
 * its ledger in our database standing in for the gateway's. No account needed.
 */
export class SandboxPaymentGateway implements PaymentGateway {
  constructor(
    private readonly ledger: SandboxLedgerRepository,
    private readonly publicUrl: string,
  ) {}

  async createPage(ctx: GatewayContext, request: HostedPageRequest): Promise<HostedPage> {
    const token = randomToken(32);
    await this.ledger.insert(ctx.businessId, {
      token,
      reference: request.reference,
      amountAgorot: request.amountAgorot,
      description: request.description.slice(0, 250),
      installments: request.installments,
      successUrl: request.successUrl,
      failureUrl: request.failureUrl,
      notifyUrl: request.notifyUrl,
    });
    return { gatewayReference: token, url: `${this.publicUrl}/sandbox/pay/${token}` };
  }

  async query(ctx: GatewayContext, gatewayReference: string): Promise<GatewayTransaction> {
    const tx = await this.ledger.findOne(ctx.businessId, { token: gatewayReference });
    if (!tx)
      return { status: 'declined', transactionId: null, amountAgorot: null, reference: null, reason: 'no such page', refundData: {} };
    return {
      status: tx.status === 'open' ? 'pending' : tx.status,
      transactionId: tx.transactionId,
      amountAgorot: tx.status === 'approved' ? tx.amountAgorot : null,
      reference: tx.reference,
      reason: tx.declineReason,
      refundData: {},
    };
  }

  /** The sandbox asks for no acknowledgement. */
  async acknowledge(): Promise<void> {}

  async refund(ctx: GatewayContext, request: RefundRequest): Promise<GatewayRefund> {
    const refunded = await this.ledger.refund(ctx.businessId, request.gatewayReference, request.amountAgorot);
    if (refunded === null)
      throw new GatewayError('The sandbox refuses: the transaction is not approved or less is left to refund', false, 'refund_refused');
    return { refundId: `sbx_rf_${randomToken(12)}` };
  }

  /** The sandbox takes no credentials. */
  async checkCredentials(): Promise<string | null> {
    return null;
  }

  parseNotification(body: unknown): GatewayNotification | null {
    const b = body as Partial<SandboxNotificationBody> | null;
    if (!b || typeof b !== 'object' || typeof b.transactionId !== 'string' || typeof b.pageToken !== 'string') return null;
    if (!/^sbx_[A-Za-z0-9_-]{16,40}$/.test(b.transactionId) || !/^[A-Za-z0-9_-]{43}$/.test(b.pageToken)) return null;
    return { key: b.transactionId, gatewayReference: b.pageToken, fields: {} };
  }

  /** The open page a payer sees, or null (unknown token). */
  page(token: string): Promise<SandboxTransaction | null> {
    return this.ledger.pageByToken(token);
  }

  /**
   * The payer submitted a card: the outcome is recorded once. A page already
   * answered sends the payer to where its outcome points, and notifies nothing new.
   */
  async submit(token: string, cardNumber: string): Promise<SandboxSubmission | null> {
    const page = await this.ledger.pageByToken(token);
    if (!page) return null;
    const outcome = sandboxOutcome(cardNumber);
    const done = await this.ledger.complete(token, {
      status: outcome.status,
      declineReason: outcome.reason,
      transactionId: `sbx_${randomToken(18)}`,
      cardLast4: cardNumber.replace(/\D/g, '').slice(-4).padStart(4, '0'),
    });
    const final = done ?? (await this.ledger.pageByToken(token))!;
    return {
      redirectUrl: final.status === 'approved' ? final.successUrl : final.failureUrl,
      notify: done ? { url: done.notifyUrl, body: { transactionId: done.transactionId!, pageToken: done.token } } : null,
    };
  }
}
