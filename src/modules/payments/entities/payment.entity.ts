import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';
import { PaymentProvider } from '../../../infra/config/env.schema';
import { Customer } from '../../customers/entities/customer.entity';

export enum PaymentStatus {
  pending = 'pending',
  paid = 'paid',
  failed = 'failed',
  expired = 'expired',
  cancelled = 'cancelled',
  refunded = 'refunded',
  partially_refunded = 'partially_refunded',
}

/** Payments are in shekels (the gateways' pages and the business's documents). */
export const PAYMENT_CURRENCY = 'ILS';

/** The statuses of a payment whose money was taken (its document and email are due). */
export const PAID_STATUSES: ReadonlySet<PaymentStatus> = new Set([
  PaymentStatus.paid,
  PaymentStatus.partially_refunded,
  PaymentStatus.refunded,
]);

export interface PaymentLine {
  description: string;
  quantity: number;
  unitPriceAgorot: number;
}

/**
 * A payment asked of a customer through the business's gateway: `pending` with
 * a hosted page until the gateway's answer, verified by re-query, settles it.
 */
@Entity('payments')
@Index('ix_payments_business_created', ['businessId', 'createdAt'])
@Index('ix_payments_gateway_reference', ['businessId', 'provider', 'gatewayReference'])
@Index('ix_payments_due', ['nextCheckAt'], { where: `"next_check_at" IS NOT NULL` })
@Index('ix_payments_business_paid', ['businessId', 'paidAt'], { where: `"paid_at" IS NOT NULL` })
export class Payment extends TenantEntity {
  @Column('uuid')
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer;

  @Column('integer')
  amountAgorot: number;

  @Column('char', { length: 3, default: 'ILS' })
  currency: string;

  @Column('varchar', { length: 250 })
  description: string;

  @Column('jsonb', { nullable: true })
  lines: PaymentLine[] | null;

  @Column('integer', { default: 1 })
  installments: number;

  @Column('varchar', { length: 16 })
  provider: PaymentProvider;

  @Column('varchar', { length: 20, default: PaymentStatus.pending })
  status: PaymentStatus;

  /** The gateway's handle of the hosted page (what a re-query names). */
  @Column('varchar', { length: 100, nullable: true })
  gatewayReference: string | null;

  @Column('text', { nullable: true })
  pageUrl: string | null;

  @Column('text', { nullable: true })
  successUrl: string | null;

  @Column('text', { nullable: true })
  failureUrl: string | null;

  /** The gateway's transaction id, once paid (what a refund names). */
  @Column('varchar', { length: 100, nullable: true })
  transactionId: string | null;

  /** What a refund needs besides the transaction id, as the driver gave it (never shown). */
  @Column('jsonb', { default: {} })
  refundData: Record<string, string>;

  @Column('timestamptz', { nullable: true })
  paidAt: Date | null;

  /** Refunded so far, in agorot (succeeded refunds only). */
  @Column('integer', { default: 0 })
  refundedAgorot: number;

  /** Why the payment needs a person to look at it (a notification the gateway did not confirm, an amount that differs…). */
  @Column('varchar', { length: 300, nullable: true })
  reviewReason: string | null;

  /** A pending payment not settled by then expires (after a last question to the gateway). */
  @Column('timestamptz', { nullable: true })
  expiresAt: Date | null;

  /**
   * When the sweeper next looks at this payment: a pending one is asked of the gateway
   * (polling, with backoff, for a lost notification); a paid one whose pipeline has not
   * finished is resumed. Null when nothing is left to do.
   */
  @Column('timestamptz', { nullable: true })
  nextCheckAt: Date | null;

  @Column('integer', { default: 0 })
  checks: number;

  /** The document the pipeline issued for it (invoice-receipt, or receipt for an exempt business). */
  @Column('uuid', { nullable: true })
  invoiceId: string | null;

  /** The email that carried the document to the customer. */
  @Column('uuid', { nullable: true })
  receiptMessageId: string | null;

  /** What it pays for (at most one), marked paid with it. */
  @Column('uuid', { nullable: true })
  appointmentId: string | null;

  @Column('uuid', { nullable: true })
  registrationId: string | null;
}
