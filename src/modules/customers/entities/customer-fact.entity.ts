import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';
import { Customer } from './customer.entity';

/** `service`: booked an appointment for the service `refId`; `event`: registered to the event `refId`. */
export type CustomerFactKind = 'service' | 'event';

/**
 * Something a customer did at least once, kept for audience rules ("booked
 * service X", "registered to event Y") so a segment query reads the
 * customers module's own tables. One row per customer, kind and reference.
 */
@Entity('customer_facts')
@Index('uq_customer_facts_customer_kind_ref', ['customerId', 'kind', 'refId'], { unique: true })
@Index('ix_customer_facts_business_kind_ref', ['businessId', 'kind', 'refId'])
export class CustomerFact extends TenantEntity {
  @Column('uuid')
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer;

  @Column('varchar', { length: 16 })
  kind: CustomerFactKind;

  @Column('uuid')
  refId: string;

  @Column('timestamptz')
  firstAt: Date;

  @Column('timestamptz')
  lastAt: Date;
}
