import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Calendar } from '../../calendars/entities/calendar.entity';
import { BookableService } from './bookable-service.entity';

/** Which calendars (staff or resources) perform a service. Tenancy follows the service. */
@Entity('service_calendars')
@Index('ix_service_calendars_calendar', ['calendarId'])
export class ServiceCalendar {
  @PrimaryColumn('uuid')
  serviceId: string;

  @PrimaryColumn('uuid')
  calendarId: string;

  @ManyToOne(() => BookableService, (s) => s.calendarLinks, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id' })
  service?: BookableService;

  @ManyToOne(() => Calendar, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'calendar_id' })
  calendar?: Calendar;
}
