import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { IsPhone } from '../../../common/phone/is-phone.decorator';
import { SubscriberChannel, SubscriptionStatus } from '../entities/subscriber.entity';
import { IsListNames, IsSubscriberEmail } from './subscriber-fields';
import { Trim } from '../../../common/validation/transforms';

export class CreateSubscriberDto {
  @ApiPropertyOptional({ example: 'dana@example.co.il', description: 'Email and/or phone is required' })
  @ValidateIf((o: CreateSubscriberDto) => o.email !== undefined || o.phone === undefined)
  @IsNotEmpty({ message: 'email or phone is required' })
  @IsSubscriberEmail()
  email?: string;

  @ApiPropertyOptional({ example: '050-1234567', description: 'Any common format; stored as E.164 (+972501234567)' })
  @IsOptional()
  @IsPhone()
  phone?: string;

  @ApiPropertyOptional({ example: 'דנה לוי' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(160)
  name?: string;

  @ApiPropertyOptional({ type: [String], example: ['ניוזלטר', 'סדנאות'] })
  @IsOptional()
  @IsListNames()
  lists?: string[];

  @ApiPropertyOptional({
    enum: SubscriptionStatus,
    default: SubscriptionStatus.subscribed,
    description: 'Email channel status; `pending` sends the double opt-in link',
  })
  @IsOptional()
  @IsEnum(SubscriptionStatus)
  emailStatus?: SubscriptionStatus;

  @ApiPropertyOptional({ enum: SubscriptionStatus, default: SubscriptionStatus.subscribed, description: 'SMS channel status' })
  @IsOptional()
  @IsEnum(SubscriptionStatus)
  smsStatus?: SubscriptionStatus;

  @ApiPropertyOptional({ example: 'in_store', default: 'manual', description: 'How consent was obtained (paper form, in store, …)' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  consentSource?: string;

  @ApiPropertyOptional({ example: '2026-03-01T10:00:00+02:00', description: 'When consent was given (default: now)' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  consentAt?: string;
}

export class UpdateSubscriberDto {
  @ApiPropertyOptional({ type: String, example: 'dana@example.co.il', nullable: true, description: 'null removes the email channel' })
  @IsOptional()
  @IsSubscriberEmail()
  email?: string | null;

  @ApiPropertyOptional({ type: String, example: '050-1234567', nullable: true, description: 'null removes the SMS channel' })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @ApiPropertyOptional({ type: String, example: 'דנה לוי', nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(160)
  name?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['ניוזלטר'], description: 'Replaces the lists' })
  @ValidateIf((o: UpdateSubscriberDto) => o.lists !== undefined)
  @IsListNames()
  lists?: string[];

  @ApiPropertyOptional({ enum: SubscriptionStatus })
  @ValidateIf((o: UpdateSubscriberDto) => o.emailStatus !== undefined)
  @IsEnum(SubscriptionStatus)
  emailStatus?: SubscriptionStatus;

  @ApiPropertyOptional({ enum: SubscriptionStatus })
  @ValidateIf((o: UpdateSubscriberDto) => o.smsStatus !== undefined)
  @IsEnum(SubscriptionStatus)
  smsStatus?: SubscriptionStatus;
}

export class SubscriberQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'ניוזלטר', description: 'Only subscribers on this list' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  list?: string;

  @ApiPropertyOptional({ enum: SubscriptionStatus, description: 'With `channel`: that channel’s status; alone: any channel' })
  @IsOptional()
  @IsEnum(SubscriptionStatus)
  status?: SubscriptionStatus;

  @ApiPropertyOptional({ enum: SubscriberChannel, description: 'Only subscribers who have this channel' })
  @IsOptional()
  @IsEnum(SubscriberChannel)
  channel?: SubscriberChannel;

  @ApiPropertyOptional({ example: 'דנה', description: 'Part of the name, email or phone' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  q?: string;
}

export class SubscriberDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true, example: 'dana@example.co.il' })
  email: string | null;

  @ApiProperty({ type: String, nullable: true, example: '+972501234567' })
  phone: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'דנה לוי' })
  name: string | null;

  @ApiProperty({ type: [String], example: ['ניוזלטר'] })
  lists: string[];

  @ApiProperty({ enum: SubscriptionStatus, nullable: true, description: 'null when there is no email' })
  emailStatus: SubscriptionStatus | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  emailConsentAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  emailUnsubscribedAt: Date | null;

  @ApiProperty({ enum: SubscriptionStatus, nullable: true, description: 'null when there is no phone' })
  smsStatus: SubscriptionStatus | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  smsConsentAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  smsUnsubscribedAt: Date | null;

  @ApiProperty({ type: String, nullable: true, example: '203.0.113.7' })
  consentIp: string | null;

  @ApiProperty({ example: 'public_form' })
  consentSource: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The customer with the same phone or email' })
  customerId: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}
