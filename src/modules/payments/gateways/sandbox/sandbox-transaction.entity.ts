import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../../common/tenancy/tenant.entity';

/**
 * The sandbox gateway's own ledger: one hosted page and what was paid on it.
 * It plays the gateway's side, so the sandbox driver verifies a notification by
 * reading it back exactly as the real drivers ask their gateways.
 */
@Entity('sandbox_transactions')
export class SandboxTransaction extends TenantEntity {
  /** The page's unguessable token: in its URL and the gateway reference of the payment. */
  @Index('uq_sandbox_transactions_token', { unique: true })
  @Column('varchar', { length: 64 })
  token: string;

  /** Our order reference (the payment id), echoed back on queries. */
  @Column('varchar', { length: 64 })
  reference: string;

  @Column('integer')
  amountAgorot: number;

  @Column('varchar', { length: 250 })
  description: string;

  @Column('integer', { default: 1 })
  installments: number;

  @Column('text')
  successUrl: string;

  @Column('text')
  failureUrl: string;

  @Column('text')
  notifyUrl: string;

  /** `open` until a card is submitted, then `approved` or `declined` (once). */
  @Column('varchar', { length: 10, default: 'open' })
  status: 'open' | 'approved' | 'declined';

  @Column('varchar', { length: 200, nullable: true })
  declineReason: string | null;

  @Column('varchar', { length: 40, nullable: true })
  transactionId: string | null;

  @Column('char', { length: 4, nullable: true })
  cardLast4: string | null;

  @Column('timestamptz', { nullable: true })
  completedAt: Date | null;

  /** Refunded so far, in agorot (never above amountAgorot). */
  @Column('integer', { default: 0 })
  refundedAgorot: number;
}
