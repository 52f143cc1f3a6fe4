import type { PaymentProvider } from '../../../infra/config/env.schema';

/**
 * A payment gateway behind one interface: create a hosted payment page, read a
 * notification it sent, and verify by asking the gateway itself (notifications
 * are never trusted: none of the gateways sign them). Amounts are integer agorot
 * here; a driver converts to its gateway's unit at the boundary.
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
  description: string;
  installments: number;
  successUrl: string;
  failureUrl: string;
  /** Our webhook URL, with the business's token. */
  notifyUrl: string;
}

export interface HostedPage {
  /** The gateway's handle of the page (Cardcom LowProfileId, Grow processId, …): what a re-query names. */
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
}

/** The fields a notification is filed and verified by. */
export interface GatewayNotification {
  /** Unique per transaction at this gateway: the inbox keeps one row per key. */
  key: string;
  gatewayReference: string;
}

export interface PaymentGateway {
  createPage(ctx: GatewayContext, request: HostedPageRequest): Promise<HostedPage>;
  query(ctx: GatewayContext, gatewayReference: string): Promise<GatewayTransaction>;
  /** The notification's key and page handle, or null when the body is not one of this gateway's notifications. */
  parseNotification(body: unknown): GatewayNotification | null;
}

/** The one injection token: the drivers, one per provider. */
export const PAYMENT_GATEWAYS = Symbol('PAYMENT_GATEWAYS');

export interface PaymentGateways {
  /** The provider's driver (a provider without one refuses with 422 when used). */
  for(provider: PaymentProvider): PaymentGateway;
}
