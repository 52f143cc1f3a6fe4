import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';
import { Payment } from './payment.entity';

/** One step in a payment's history (created, notified, paid, failed, flagged…), never changed. */
@Entity('payment_events')
@Index('ix_payment_events_payment', ['paymentId', 'createdAt'])
export class PaymentEvent extends TenantEntity {
  @Column('uuid')
  paymentId: string;

  @ManyToOne(() => Payment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'payment_id' })
  payment?: Payment;

  @Column('varchar', { length: 40 })
  type: string;

  @Column('jsonb', { default: {} })
  detail: Record<string, unknown>;
}
