import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';
import type { TimeRange } from '../schedule';
import { Calendar } from './calendar.entity';

/** The working ranges of one calendar on one local date, replacing its weekly hours; no ranges is a day off. */
@Entity('calendar_overrides')
@Index('uq_calendar_overrides_calendar_date', ['calendarId', 'date'], { unique: true })
export class CalendarOverride extends TenantEntity {
  @Column('uuid')
  calendarId: string;

  @ManyToOne(() => Calendar, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'calendar_id' })
  calendar?: Calendar;

  /** `YYYY-MM-DD`, a date in the business time zone. */
  @Column('date')
  date: string;

  @Column('jsonb')
  ranges: TimeRange[];
}
