import { Check, Column, Entity, Exclusion, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';
import { Calendar } from '../../calendars/entities/calendar.entity';
import { Customer } from '../../customers/entities/customer.entity';
import { BookableService } from '../../catalog/entities/bookable-service.entity';
import { AppointmentSource, AppointmentStatus } from '../appointment-status';

/**
 * A booking of a service on a calendar for a customer. `blockedFrom`/`blockedTo`
 * are the start and end widened by the service's buffers: the exclusion
 * constraint keeps those ranges of one calendar from overlapping (cancelled
 * appointments hold no time), so PostgreSQL itself refuses a double booking.
 */
@Entity('appointments')
@Exclusion(
  'ex_appointments_no_overlap',
  `USING gist ("calendar_id" WITH =, tstzrange("blocked_from", "blocked_to", '[)') WITH &&) WHERE ("status" <> 'cancelled')`,
)
@Check('ck_appointments_times', `"starts_at" < "ends_at" AND "blocked_from" <= "starts_at" AND "blocked_to" >= "ends_at"`)
@Index('ix_appointments_business_starts', ['businessId', 'startsAt'])
@Index('ix_appointments_calendar_starts', ['calendarId', 'startsAt'])
@Index('ix_appointments_customer_starts', ['customerId', 'startsAt'])
export class Appointment extends TenantEntity {
  @Column('uuid')
  serviceId: string;

  @ManyToOne(() => BookableService)
  @JoinColumn({ name: 'service_id' })
  service?: BookableService;

  @Column('uuid')
  calendarId: string;

  @ManyToOne(() => Calendar)
  @JoinColumn({ name: 'calendar_id' })
  calendar?: Calendar;

  @Column('uuid')
  customerId: string;

  @ManyToOne(() => Customer)
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer;

  @Column('timestamptz')
  startsAt: Date;

  @Column('timestamptz')
  endsAt: Date;

  @Column('timestamptz')
  blockedFrom: Date;

  @Column('timestamptz')
  blockedTo: Date;

  @Column('varchar', { length: 16 })
  status: AppointmentStatus;

  @Column('varchar', { length: 16 })
  source: AppointmentSource;

  /** The service name when booked (the feed and history show what was booked). */
  @Column('varchar', { length: 160 })
  serviceName: string;

  /** Price snapshot in agorot. */
  @Column('integer')
  priceAgorot: number;

  @Column('char', { length: 3 })
  currency: string;

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('varchar', { length: 500, nullable: true })
  meetingUrl: string | null;

  @Column('varchar', { length: 500, nullable: true })
  cancellationReason: string | null;

  /** `staff` or `customer`. */
  @Column('varchar', { length: 16, nullable: true })
  cancelledBy: string | null;

  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;

  /** Bumped on every reschedule (iCalendar SEQUENCE). */
  @Column('integer', { default: 0 })
  sequence: number;

  /** When a payment for it was made (the payments module marks it, once). */
  @Column('timestamptz', { nullable: true })
  paidAt: Date | null;

  /** The payment that paid it. */
  @Column('uuid', { nullable: true })
  paymentId: string | null;
}
