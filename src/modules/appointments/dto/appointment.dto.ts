import { ApiProperty } from '@nestjs/swagger';
import { AppointmentSource, AppointmentStatus } from '../appointment-status';

export class AppointmentCustomerDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'יוסי' })
  firstName: string;

  @ApiProperty({ example: 'כהן', nullable: true, type: String })
  lastName: string | null;

  @ApiProperty({ example: '+972501234567', nullable: true, type: String })
  phone: string | null;

  @ApiProperty({ example: 'yossi@example.co.il', nullable: true, type: String })
  email: string | null;
}

export class AppointmentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  serviceId: string;

  @ApiProperty({ example: 'תספורת גברים', description: 'The service name when booked' })
  serviceName: string;

  @ApiProperty({ format: 'uuid' })
  calendarId: string;

  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ type: AppointmentCustomerDto, nullable: true, description: 'Present on reads that load the customer' })
  customer: AppointmentCustomerDto | null;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-03-27T07:00:00.000Z' })
  startsAt: Date;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-03-27T07:45:00.000Z' })
  endsAt: Date;

  @ApiProperty({ example: '2026-03-27T10:00:00.000+03:00', description: 'The start in the business time zone, for people' })
  localStartsAt: string;

  @ApiProperty({ example: 'Asia/Jerusalem' })
  timeZone: string;

  @ApiProperty({ enum: AppointmentStatus })
  status: AppointmentStatus;

  @ApiProperty({ enum: AppointmentSource })
  source: AppointmentSource;

  @ApiProperty({ example: 'בלי מכונה', nullable: true, type: String })
  notes: string | null;

  @ApiProperty({ type: 'integer', example: 12000, description: 'Price snapshot in agorot' })
  priceAgorot: number;

  @ApiProperty({ example: 'ILS' })
  currency: string;

  @ApiProperty({ nullable: true, type: String })
  meetingUrl: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'הלקוח חולה' })
  cancellationReason: string | null;

  @ApiProperty({ nullable: true, type: String, enum: ['staff', 'customer'] })
  cancelledBy: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  cancelledAt: Date | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it was paid through a payment (GET /api/payments/{paymentId})',
  })
  paidAt: Date | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The payment that paid it; refund it there (POST /api/payments/{id}/refund)',
  })
  paymentId: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}
