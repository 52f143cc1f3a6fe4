import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { RegistrationSource, RegistrationStatus } from '../entities/event-registration.entity';

export class RegistrationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RegistrationStatus })
  @IsOptional()
  @IsEnum(RegistrationStatus)
  status?: RegistrationStatus;
}

export class RegistrationCustomerDto {
  @ApiProperty({ example: 'נועה' })
  firstName: string;

  @ApiProperty({ type: String, nullable: true, example: 'כהן' })
  lastName: string | null;

  @ApiProperty({ type: String, nullable: true })
  email: string | null;

  @ApiProperty({ type: String, nullable: true, example: '+972527654321' })
  phone: string | null;
}

export class RegistrationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ format: 'uuid' })
  customerId: string;

  @ApiProperty({ type: RegistrationCustomerDto, nullable: true })
  customer: RegistrationCustomerDto | null;

  @ApiProperty({ enum: RegistrationStatus })
  status: RegistrationStatus;

  @ApiProperty({ enum: RegistrationSource })
  source: RegistrationSource;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  confirmedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it moved from the waitlist to a place' })
  promotedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
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
}

export class PublicRegistrationResultDto {
  @ApiProperty({ format: 'uuid' })
  registrationId: string;

  @ApiProperty({ format: 'uuid' })
  eventId: string;

  @ApiProperty({ enum: [RegistrationStatus.confirmed, RegistrationStatus.waitlisted] })
  status: RegistrationStatus;
}
