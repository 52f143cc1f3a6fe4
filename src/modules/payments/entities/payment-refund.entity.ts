import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';
import { Payment } from './payment.entity';

export enum RefundStatus {
  /** Asked of the gateway; its answer not recorded yet (a crash here leaves it for review). */
  requested = 'requested',
  succeeded = 'succeeded',
  failed = 'failed',
}

/** A refund of all or part of a paid payment: one gateway call, then a credit note. */
@Entity('payment_refunds')
@Index('ix_payment_refunds_payment', ['paymentId'])
@Index('ix_payment_refunds_business_created', ['businessId', 'createdAt'])
export class PaymentRefund extends TenantEntity {
  @Column('uuid')
  paymentId: string;

  @ManyToOne(() => Payment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'payment_id' })
  payment?: Payment;

  @Column('integer')
  amountAgorot: number;

  @Column('varchar', { length: 16, default: RefundStatus.requested })
  status: RefundStatus;

  @Column('varchar', { length: 100, nullable: true })
  gatewayRefundId: string | null;

  @Column('varchar', { length: 300, nullable: true })
  error: string | null;

  /** The credit note issued for it. */
  @Column('uuid', { nullable: true })
  creditNoteId: string | null;

  @Column('varchar', { length: 160 })
  requestedBy: string;
}
