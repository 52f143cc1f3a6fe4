import { Check, Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';

export enum EventStatus {
  draft = 'draft',
  published = 'published',
  cancelled = 'cancelled',
}

/**
 * Something a business runs on a date that people register for: a workshop,
 * a class, a tasting. Times are instants (timestamptz); `capacity` null means
 * unlimited. Named BusinessEvent so it is never confused with domain events.
 */
@Entity('events')
@Check('ck_events_times', `"ends_at" > "starts_at"`)
@Check('ck_events_capacity', `"capacity" IS NULL OR "capacity" > 0`)
@Check('ck_events_price', `"price_agorot" >= 0`)
@Index('ix_events_business_starts', ['businessId', 'startsAt'])
export class BusinessEvent extends TenantEntity {
  @Column('varchar', { length: 200 })
  title: string;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('timestamptz')
  startsAt: Date;

  @Column('timestamptz')
  endsAt: Date;

  @Column('varchar', { length: 300, nullable: true })
  location: string | null;

  @Column('varchar', { length: 500, nullable: true })
  onlineUrl: string | null;

  /** Confirmed places; null = unlimited. */
  @Column('integer', { nullable: true })
  capacity: number | null;

  @Column('integer', { default: 0 })
  priceAgorot: number;

  @Column('char', { length: 3, default: 'ILS' })
  currency: string;

  @Column('varchar', { length: 16, default: EventStatus.draft })
  status: EventStatus;

  /** Public registration closes at this instant (default: when the event starts). */
  @Column('timestamptz', { nullable: true })
  registrationDeadline: Date | null;

  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;
}
