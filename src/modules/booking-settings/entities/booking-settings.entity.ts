import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';

/**
 * A business's booking rules (one row per business; absent means defaults,
 * see booking-settings.defaults.ts). `timeZone` null follows the business's
 * own time zone.
 */
@Entity('booking_settings')
@Index('uq_booking_settings_business', ['businessId'], { unique: true })
export class BookingSettings extends TenantEntity {
  @Column('varchar', { length: 64, nullable: true })
  timeZone: string | null;

  @Column('integer')
  minimumNoticeMinutes: number;

  @Column('integer')
  bookingWindowDays: number;

  @Column('integer')
  slotIntervalMinutes: number;

  @Column('integer')
  cancellationWindowHours: number;

  @Column('integer', { array: true })
  reminderOffsetsMinutes: number[];

  /** Public bookings start as `pending` (the business confirms) instead of `confirmed`. */
  @Column('boolean')
  requireConfirmation: boolean;
}
