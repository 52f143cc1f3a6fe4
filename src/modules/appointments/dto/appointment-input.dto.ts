import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInstant } from '../../../common/time/zoned-time';
import { Transform, Type } from 'class-transformer';
import {
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { AppointmentStatus } from '../appointment-status';
import { NewCustomerDto } from '../../customers/dto/new-customer.dto';

export class CreateAppointmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  serviceId: string;

  @ApiProperty({ format: 'uuid', description: 'The staff or resource calendar' })
  @IsUUID()
  calendarId: string;

  @ApiProperty({ example: '2026-03-27T10:00:00+03:00', description: 'ISO 8601 with offset' })
  @IsInstant()
  startsAt: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'An existing customer; or send `customer`' })
  @ValidateIf((o: CreateAppointmentDto) => o.customer === undefined || o.customerId !== undefined)
  @IsUUID('all', { message: 'customerId must be a UUID (or send customer)' })
  customerId?: string;

  @ApiPropertyOptional({ type: NewCustomerDto, description: 'Matched by phone/email, or created' })
  @ValidateIf((o: CreateAppointmentDto) => o.customerId === undefined)
  @ValidateNested()
  @Type(() => NewCustomerDto)
  customer?: NewCustomerDto;

  @ApiPropertyOptional({ example: 'בלי מכונה', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;

  @ApiPropertyOptional({ enum: [AppointmentStatus.pending, AppointmentStatus.confirmed], default: AppointmentStatus.confirmed })
  @IsOptional()
  @IsIn([AppointmentStatus.pending, AppointmentStatus.confirmed])
  status?: AppointmentStatus.pending | AppointmentStatus.confirmed;

  @ApiPropertyOptional({ type: 'integer', example: 10000, description: "Overrides the service's price (agorot)" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  priceAgorot?: number;
}

export class UpdateAppointmentDto {
  @ApiPropertyOptional({ example: '2026-03-27T11:00:00+03:00', description: 'A new start: reschedules (same no-overlap guarantee)' })
  @IsOptional()
  @IsInstant()
  startsAt?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Move to another calendar that performs the service' })
  @IsOptional()
  @IsUUID()
  calendarId?: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 2000 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(2000)
  notes?: string | null;
}

export class CancelAppointmentDto {
  @ApiPropertyOptional({ example: 'הלקוח ביקש לבטל', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class AppointmentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2026-03-01T00:00:00+02:00', description: 'Appointments ending after this instant' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ example: '2026-04-01T00:00:00+03:00', description: 'Appointments starting before this instant' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  calendarId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  serviceId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ enum: AppointmentStatus, isArray: true, description: 'One or more, comma-separated' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value))
  @IsEnum(AppointmentStatus, { each: true })
  status?: AppointmentStatus[];
}

export class SlotsQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  serviceId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'One calendar; omitted = every active calendar that performs the service' })
  @IsOptional()
  @IsUUID()
  calendarId?: string;

  @ApiProperty({ example: '2026-03-27', description: 'A local date (business time zone) or an ISO date-time with offset' })
  @Matches(/^\d{4}-\d{2}-\d{2}$|^\d{4}-\d{2}-\d{2}T.+(?:Z|[+-]\d{2}:?\d{2})$/, {
    message: 'from must be YYYY-MM-DD or an ISO date-time with offset',
  })
  from: string;

  @ApiProperty({ example: '2026-04-02', description: 'Inclusive when a date; exclusive when a date-time. At most 62 days after from' })
  @Matches(/^\d{4}-\d{2}-\d{2}$|^\d{4}-\d{2}-\d{2}T.+(?:Z|[+-]\d{2}:?\d{2})$/, {
    message: 'to must be YYYY-MM-DD or an ISO date-time with offset',
  })
  to: string;
}
