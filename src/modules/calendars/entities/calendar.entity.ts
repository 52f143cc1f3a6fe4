import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';
import { Membership } from '../../business/entities/membership.entity';
import type { WeeklyRange } from '../schedule';

export enum CalendarKind {
  /** A member of the business who takes appointments. */
  member = 'member',
  /** A room, a chair, a device. */
  resource = 'resource',
}

/**
 * Something that can be booked once at a time: a staff member or a resource.
 * The weekly hours live here; date overrides in `calendar_overrides`.
 */
@Entity('calendars')
@Index('uq_calendars_member', ['businessId', 'memberId'], { unique: true, where: 'member_id IS NOT NULL' })
export class Calendar extends TenantEntity {
  @Column('varchar', { length: 16 })
  kind: CalendarKind;

  /** The membership of the staff member (kind `member`). */
  @Column('uuid', { nullable: true })
  memberId: string | null;

  @ManyToOne(() => Membership, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'member_id' })
  member?: Membership;

  @Column('varchar', { length: 120 })
  name: string;

  @Column('boolean', { default: true })
  active: boolean;

  /** `[{ weekday: 0-6 (0 = Sunday), start: 'HH:mm', end: 'HH:mm' }]`, in the business time zone. */
  @Column('jsonb', { default: () => "'[]'" })
  weekly: WeeklyRange[];

  /** SHA-256 of the iCalendar feed token; null when no feed is published. */
  @Column('varchar', { length: 64, nullable: true })
  feedTokenHash: string | null;

  /** The user who published the current feed link: removing them from the business revokes it. */
  @Column('uuid', { nullable: true })
  feedTokenIssuedBy: string | null;
}
