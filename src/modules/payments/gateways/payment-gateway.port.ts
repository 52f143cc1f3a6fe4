import type { PaymentProvider } from '../../../infra/config/env.schema';

/**
 * A payment gateway behind one interface: create a hosted payment page, read a
 * notification it sent, verify by asking the gateway itself (notifications are
 * never trusted: none of the gateways sign them), acknowledge where the gateway
 * demands it, and refund. Amounts are integer agorot here; a driver converts to
 * its gateway's unit (shekels with two decimals) only at the boundary.
 */

/** Who is asking: the business and its decrypted credentials (never logged). */
export interface GatewayContext {
  businessId: string;
  credentials: Record<string, string>;
}

export interface HostedPageRequest {
  /** Our payment id: sent as the order reference and echoed back by the gateway. */
  reference: string;
  amountAgorot: number;
  /** ISO 4217; ILS unless the business says otherwise. */
  currency: string;
  description: string;
  installments: number;
  /** Who pays (Grow's page requires a name and a phone). */
  payer: { name: string; email: string | null; phone: string | null };
  successUrl: string;
  failureUrl: string;
  /** Our webhook URL, with the business's token. */
  notifyUrl: string;
}

export interface HostedPage {
  /**
   * The driver's handle of the page (Cardcom LowProfileId, Grow processId and
   * processToken, …): what a re-query names. Opaque outside the driver; ≤ 100 characters.
   */
  gatewayReference: string;
  /** Where the payer goes. */
  url: string;
}

/** What the gateway says about a page when asked. */
export interface GatewayTransaction {
  status: 'approved' | 'declined' | 'pending';
  /** The gateway's transaction id, once there is one. */
  transactionId: string | null;
  /** As charged, in agorot; null while nothing was charged. */
  amountAgorot: number | null;
  /** Our reference as the gateway holds it. */
  reference: string | null;
  /** The gateway's reason for a decline, in its words. */
  reason: string | null;
  /**
   * What a later refund needs besides the transaction id (Grow's transactionToken,
   * Tranzila's authorisation number, …): kept with the payment, given back to `refund`.
   */
  refundData: Record<string, string>;
}

/** The fields a notification is filed and verified by. */
export interface GatewayNotification {
  /** Unique per transaction at this gateway: the inbox keeps one row per provider and key. */
  key: string;
  /** The page the notification speaks of: which payment it is, and what `query` names. */
  gatewayReference: string;
  /**
   * Fields of the notification the driver needs again when it verifies or
   * acknowledges (Grow's transactionToken and the callback fields
   * approveTransaction echoes, Tranzila's index). Stored in the inbox; never trusted as an answer.
   */
  fields: Record<string, string>;
}

export interface RefundRequest {
  /** Our payment id. */
  reference: string;
  /** Our refund id: unique per refund, for gateways that take an idempotency or order key. */
  refundReference: string;
  gatewayReference: string;
  transactionId: string;
  refundData: Record<string, string>;
  /** This refund, in agorot (> 0, ≤ what is left). */
  amountAgorot: number;
  /** The original charge, in agorot (a full refund has amountAgorot === paidAgorot). */
  paidAgorot: number;
  currency: string;
}

export interface GatewayRefund {
  /** The gateway's id of the refund transaction, when it gives one. */
  refundId: string | null;
}

/**
 * The gateway answered but refused, or could not be reached. `temporary` errors
 * (timeouts, connection refused, 5xx, 429) are retried by jobs; the others are
 * the gateway's final word (a decline of a refund, bad credentials).
 */
export class GatewayError extends Error {
  constructor(
    message: string,
    readonly temporary: boolean,
    /** The gateway's own error code, when it gave one. */
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

export interface PaymentGateway {
  createPage(ctx: GatewayContext, request: HostedPageRequest): Promise<HostedPage>;
  /**
   * Ask the gateway about a page (never trust a notification's own claims). `notification`
   * is the one that prompted the question, when there is one (null when polling).
   */
  query(ctx: GatewayContext, gatewayReference: string, notification: GatewayNotification | null): Promise<GatewayTransaction>;
  /**
   * Tell the gateway a verified notification was taken, where it demands so (Grow's
   * mandatory approveTransaction); a no-op for the others. Called once the payment is paid.
   */
  acknowledge(ctx: GatewayContext, notification: GatewayNotification, transaction: GatewayTransaction): Promise<void>;
  /** Refund all or part of an approved transaction; throws GatewayError when the gateway refuses. */
  refund(ctx: GatewayContext, request: RefundRequest): Promise<GatewayRefund>;
  /**
   * The notification's key, page handle and fields, or null when the body is not one
   * of this gateway's notifications. JSON bodies arrive parsed; form bodies as flat
   * string maps (`data[transactionId]` stays one key).
   */
  parseNotification(body: unknown): GatewayNotification | null;
  /**
   * A harmless call with these credentials when the gateway offers one (settings are
   * checked before they are saved): null when they work, else the gateway's reason.
   */
  checkCredentials(ctx: GatewayContext): Promise<string | null>;
}

/** The one injection token: the drivers, one per provider. */
export const PAYMENT_GATEWAYS = Symbol('PAYMENT_GATEWAYS');

export interface PaymentGateways {
  /** The provider's driver (a provider without one refuses with 422 when used). */
  for(provider: PaymentProvider): PaymentGateway;
}

/** Agorot → the gateways' shekel amount: a number with two decimals (12345 → 123.45). */
export function toShekels(agorot: number): number {
  return Math.round(agorot) / 100;
}

/** A gateway's shekel amount (number or string, "123.45") → agorot, exactly; null when it is not an amount. */
export function toAgorot(shekels: number | string | null | undefined): number | null {
  if (shekels === null || shekels === undefined || shekels === '') return null;
  const text = typeof shekels === 'number' ? shekels.toFixed(2) : shekels.trim();
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const value = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -value : value;
}
