import { Column, Entity, Generated, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';
import { Customer } from '../../customers/entities/customer.entity';
import { BusinessEvent } from './business-event.entity';

export enum RegistrationStatus {
  confirmed = 'confirmed',
  waitlisted = 'waitlisted',
  cancelled = 'cancelled',
}

export enum RegistrationSource {
  staff = 'staff',
  public = 'public',
}

/**
 * A customer's place at an event. At most one live (not cancelled)
 * registration per customer and event. `seq` is taken inside the event's
 * row lock, so it orders registrations exactly as they were admitted: the
 * waitlist is promoted by it.
 */
@Entity('event_registrations')
@Index('uq_event_registrations_event_customer', ['eventId', 'customerId'], { unique: true, where: `status <> 'cancelled'` })
@Index('ix_event_registrations_event_status_seq', ['eventId', 'status', 'seq'])
@Index('ix_event_registrations_business_created', ['businessId', 'createdAt'])
export class EventRegistration extends TenantEntity {
  @Column('uuid')
  eventId: string;

  @ManyToOne(() => BusinessEvent, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'event_id' })
  event?: BusinessEvent;

  @Index('ix_event_registrations_customer')
  @Column('uuid')
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'NO ACTION', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer;

  @Column('varchar', { length: 16 })
  status: RegistrationStatus;

  @Column('varchar', { length: 16, default: RegistrationSource.staff })
  source: RegistrationSource;

  @Column('bigint')
  @Generated('increment')
  seq: string;

  @Column('timestamptz', { nullable: true })
  confirmedAt: Date | null;

  /** Set when the registration moved from the waitlist to a place. */
  @Column('timestamptz', { nullable: true })
  promotedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;

  /** When a payment for it was made (the payments module marks it, once). */
  @Column('timestamptz', { nullable: true })
  paidAt: Date | null;

  /** The payment that paid it. */
  @Column('uuid', { nullable: true })
  paymentId: string | null;
}
