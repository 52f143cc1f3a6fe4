import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { PUBLIC_SERVICE_FIELDS, ServiceDto } from '../../catalog/dto/service.dto';
import { Type } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { AppointmentStatus } from '../appointment-status';
import { NewCustomerDto } from '../../customers/dto/new-customer.dto';
import { IsInstant } from '../../../common/time/zoned-time';

export class PublicCalendarDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'דנה לוי' })
  name: string;
}

export class PublicServiceDto extends PickType(ServiceDto, PUBLIC_SERVICE_FIELDS) {
  @ApiProperty({ type: [PublicCalendarDto], description: 'Who (or what) can be booked for it' })
  calendars: PublicCalendarDto[];
}

export class PublicBookingDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  serviceId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A specific staff member/resource; omitted = any free one' })
  @IsOptional()
  @IsUUID()
  calendarId?: string;

  @ApiProperty({ example: '2026-03-27T10:00:00+03:00', description: 'One of the offered slots' })
  @IsInstant()
  startsAt: string;

  @ApiProperty({ type: NewCustomerDto })
  @ValidateNested()
  @Type(() => NewCustomerDto)
  customer: NewCustomerDto;

  @ApiPropertyOptional({ example: 'אשמח לתור אצל דנה', maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  notes?: string;
}

export class PublicRescheduleDto {
  @ApiProperty({ example: '2026-03-27T11:00:00+03:00', description: 'One of the offered slots' })
  @IsInstant()
  startsAt: string;
}

export class PublicCancelDto {
  @ApiPropertyOptional({ example: 'לא אוכל להגיע', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class PublicAppointmentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'תספורת גברים' })
  serviceName: string;

  @ApiProperty({ format: 'uuid' })
  serviceId: string;

  @ApiProperty({ example: 'דנה לוי' })
  calendarName: string;

  @ApiProperty({ type: String, format: 'date-time' })
  startsAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  endsAt: Date;

  @ApiProperty({ example: '2026-03-27T10:00:00.000+03:00' })
  localStartsAt: string;

  @ApiProperty({ example: 'Asia/Jerusalem' })
  timeZone: string;

  @ApiProperty({ enum: AppointmentStatus })
  status: AppointmentStatus;

  @ApiProperty({ nullable: true, type: String })
  meetingUrl: string | null;

  @ApiProperty({ type: 'integer', example: 12000 })
  priceAgorot: number;

  @ApiProperty({ example: 'ILS' })
  currency: string;
}

export class SelfServiceLinkDto {
  @ApiProperty({ description: 'Signed token for this one appointment' })
  token: string;

  @ApiProperty({ example: 'https://api.chatgrow.co.il/api/public/appointments/eyJ…' })
  url: string;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt: Date;
}

export class PublicBusinessDto {
  @ApiProperty({ example: 'סטודיו דנה' })
  name: string;

  @ApiProperty({ example: 'studio-dana' })
  slug: string;
}

export class PublicBookingResultDto {
  @ApiProperty({ type: PublicAppointmentDto })
  appointment: PublicAppointmentDto;

  @ApiProperty({ type: SelfServiceLinkDto, description: 'View, cancel or reschedule this appointment without logging in' })
  selfService: SelfServiceLinkDto;
}

export class SelfServiceViewDto {
  @ApiProperty({ type: PublicAppointmentDto })
  appointment: PublicAppointmentDto;

  @ApiProperty({ type: PublicBusinessDto })
  business: PublicBusinessDto;

  @ApiProperty({ description: 'Whether the customer may still cancel or reschedule online' })
  canChange: boolean;

  @ApiProperty({ type: String, format: 'date-time', description: 'Online changes close at this time (cancellation window)' })
  changeDeadline: Date;

  @ApiPropertyOptional({ type: SelfServiceLinkDto, description: 'A fresh link after a reschedule' })
  selfService?: SelfServiceLinkDto;
}
