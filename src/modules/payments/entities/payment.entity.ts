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
}

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

  @Column('varchar', { length: 16, default: PaymentStatus.pending })
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
}
