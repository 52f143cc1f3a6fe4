import { Column, Entity, OneToMany } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';
import { ServiceCalendar } from './service-calendar.entity';

/** Something a customer books: a treatment, a haircut, a consultation. */
@Entity('services')
export class BookableService extends TenantEntity {
  @Column('varchar', { length: 160 })
  name: string;

  @Column('varchar', { length: 160, nullable: true })
  nameEn: string | null;

  @Column('text', { nullable: true })
  description: string | null;

  @Column('integer')
  durationMinutes: number;

  /** Integer agorot. */
  @Column('integer')
  priceAgorot: number;

  @Column('char', { length: 3, default: 'ILS' })
  currency: string;

  @Column('integer', { default: 0 })
  bufferBeforeMinutes: number;

  @Column('integer', { default: 0 })
  bufferAfterMinutes: number;

  @Column('boolean', { default: true })
  active: boolean;

  /** An online-meeting link; `{appointmentId}` is replaced when an appointment is booked. */
  @Column('varchar', { length: 500, nullable: true })
  meetingUrlTemplate: string | null;

  @OneToMany(() => ServiceCalendar, (link) => link.service)
  calendarLinks?: ServiceCalendar[];
}
