import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsEnum, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { IsPhone } from '../../../common/phone/is-phone.decorator';
import { RegistrationSource, RegistrationStatus } from '../entities/event-registration.entity';
import { Trim, NormalizeEmail } from '../../../common/validation/transforms';

/** `{ customerId }` for an existing customer, or the new customer's fields. */
export class CreateRegistrationDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An existing customer; otherwise give firstName and email/phone' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ example: 'נועה' })
  @ValidateIf((o: CreateRegistrationDto) => o.customerId === undefined || o.firstName !== undefined)
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName?: string;

  @ApiPropertyOptional({ example: 'כהן' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  lastName?: string;

  @ApiPropertyOptional({ example: 'noa@example.co.il' })
  @ValidateIf((o: CreateRegistrationDto) => o.email !== undefined || (o.customerId === undefined && o.phone === undefined))
  @NormalizeEmail()
  @IsNotEmpty({ message: 'email or phone is required' })
  @IsEmail({}, { message: 'email must be an email' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '052-7654321' })
  @IsOptional()
  @IsPhone()
  phone?: string;

  @ApiPropertyOptional({ enum: ['he', 'en'] })
  @IsOptional()
  @IsIn(['he', 'en'])
  language?: 'he' | 'en';
}

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
