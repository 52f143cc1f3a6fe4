import { ApiProperty } from '@nestjs/swagger';
import { GRANULARITIES, type Granularity } from '../../../common/time/reporting-period';

const INT = { type: 'integer', minimum: 0 } as const;

/** The figures of a period or of one bucket of it. */
export class StatsFiguresDto {
  @ApiProperty({
    type: 'integer',
    example: 54_000,
    description: 'Paid minus refunded, in agorot (may be negative when refunds of earlier payments exceed payments)',
  })
  revenueAgorot: number;

  @ApiProperty({ ...INT, example: 60_000, description: 'Payments paid in the period, in agorot (by when they were paid)' })
  paidAgorot: number;

  @ApiProperty({ ...INT, example: 6_000, description: 'Refunds that succeeded, in agorot (by when they were asked of the gateway)' })
  refundedAgorot: number;

  @ApiProperty({ ...INT, example: 5, description: 'Payments paid in the period' })
  payments: number;

  @ApiProperty({ ...INT, example: 12, description: 'Appointments starting in the period, cancelled ones left out' })
  bookings: number;

  @ApiProperty({ ...INT, example: 1, description: 'Cancelled appointments that were to start in the period' })
  cancelledBookings: number;

  @ApiProperty({ ...INT, example: 3, description: 'Event registrations made in the period (confirmed or waitlisted now)' })
  registrations: number;

  @ApiProperty({ ...INT, example: 4, description: 'Customers created in the period' })
  newCustomers: number;

  @ApiProperty({ ...INT, example: 20, description: 'Messages written to the message log in the period, any status' })
  messages: number;
}

export class StatsBucketDto extends StatsFiguresDto {
  @ApiProperty({
    type: String,
    format: 'date',
    example: '2026-11-01',
    description:
      'The local date the day or month starts on (the first bucket may start before `from`, the last end after `to`: only the period is counted)',
  })
  date: string;
}

export class BookingsByStatusDto {
  @ApiProperty(INT) pending: number;
  @ApiProperty(INT) confirmed: number;
  @ApiProperty(INT) completed: number;
  @ApiProperty(INT) no_show: number;
  @ApiProperty(INT) cancelled: number;
}

export class RegistrationsByStatusDto {
  @ApiProperty(INT) confirmed: number;
  @ApiProperty(INT) waitlisted: number;
  @ApiProperty(INT) cancelled: number;
}

export class MessagesByStatusDto {
  @ApiProperty(INT) queued: number;
  @ApiProperty(INT) sending: number;
  @ApiProperty(INT) sent: number;
  @ApiProperty(INT) delivered: number;
  @ApiProperty({ ...INT, description: 'WhatsApp messages the recipient read (read receipts)' }) read: number;
  @ApiProperty(INT) failed: number;
  @ApiProperty(INT) bounced: number;
  @ApiProperty(INT) suppressed: number;
}

export class TopCustomerDto {
  @ApiProperty({ type: String, format: 'uuid' })
  customerId: string;

  @ApiProperty({ type: String, example: 'דנה' })
  firstName: string;

  @ApiProperty({ type: String, nullable: true, example: 'כהן' })
  lastName: string | null;

  @ApiProperty({ ...INT, example: 36_000, description: 'Paid minus refunded in the period, agorot' })
  revenueAgorot: number;

  @ApiProperty({ ...INT, example: 2, description: 'Payments paid in the period' })
  payments: number;
}

export class ServiceBookingsDto {
  @ApiProperty({ type: String, format: 'uuid' })
  serviceId: string;

  @ApiProperty({ type: String, example: 'תספורת נשים', description: 'The name it was last booked under in the period' })
  name: string;

  @ApiProperty({ ...INT, example: 7 })
  bookings: number;

  @ApiProperty({ ...INT, example: 1 })
  cancelled: number;
}

export class StaffBookingsDto {
  @ApiProperty({ type: String, format: 'uuid', description: 'The calendar booked: a staff member, or a resource (a room, a chair)' })
  calendarId: string;

  @ApiProperty({ type: String, example: 'נועה לוי' })
  name: string;

  @ApiProperty({ type: String, enum: ['member', 'resource'], nullable: true, description: 'Null when the calendar was deleted' })
  kind: 'member' | 'resource' | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The staff member (membership) of a member calendar' })
  memberId: string | null;

  @ApiProperty({ ...INT, example: 9 })
  bookings: number;

  @ApiProperty({ ...INT, example: 0 })
  cancelled: number;
}

export class StatsDto {
  @ApiProperty({ type: String, format: 'date-time', description: 'Start of the period, included (UTC)' })
  from: Date;

  @ApiProperty({ type: String, format: 'date-time', description: 'End of the period, excluded (UTC)' })
  to: Date;

  @ApiProperty({ type: String, example: 'Asia/Jerusalem', description: 'The business time zone the buckets are days or months of' })
  timeZone: string;

  @ApiProperty({ type: String, enum: GRANULARITIES })
  granularity: Granularity;

  @ApiProperty({ type: String, example: 'ILS', description: 'The currency of every amount (payments are in shekels)' })
  currency: string;

  @ApiProperty({ type: StatsFiguresDto, description: 'The whole period' })
  totals: StatsFiguresDto;

  @ApiProperty({ type: [StatsBucketDto], description: 'Every day or month of the period in order, zero-filled' })
  series: StatsBucketDto[];

  @ApiProperty({ type: BookingsByStatusDto, description: 'Appointments starting in the period by current status' })
  bookingsByStatus: BookingsByStatusDto;

  @ApiProperty({ type: RegistrationsByStatusDto, description: 'Registrations made in the period by current status' })
  registrationsByStatus: RegistrationsByStatusDto;

  @ApiProperty({ type: MessagesByStatusDto, description: 'Messages written in the period by current status' })
  messagesByStatus: MessagesByStatusDto;

  @ApiProperty({ type: [TopCustomerDto], description: 'The 5 customers who paid most in the period (net of refunds), most first' })
  topCustomers: TopCustomerDto[];

  @ApiProperty({ type: [ServiceBookingsDto], description: 'Most booked first' })
  bookingsByService: ServiceBookingsDto[];

  @ApiProperty({ type: [StaffBookingsDto], description: 'Per calendar (staff member or resource), most booked first' })
  bookingsByStaff: StaffBookingsDto[];
}
