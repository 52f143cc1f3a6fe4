import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsPhone } from '../../../common/phone/is-phone.decorator';
import { IsBirthday, IsCustomFields, IsPersonName, NormalizeTags } from './customer-validators';
import { NormalizeEmail, Trim } from '../../../common/validation/transforms';

export class ConsentInputDto {
  @ApiProperty({ description: 'Whether the customer agreed to marketing on this channel' })
  @IsBoolean()
  granted: boolean;

  @ApiPropertyOptional({ description: 'When the customer agreed or refused (default: now)', example: '2026-11-20T10:15:00+02:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;

  @ApiPropertyOptional({ description: 'Where consent was given', example: 'טופס באתר', maxLength: 60 })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  source?: string;
}

export class MarketingConsentInputDto {
  @ApiPropertyOptional({ type: ConsentInputDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConsentInputDto)
  email?: ConsentInputDto;

  @ApiPropertyOptional({ type: ConsentInputDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ConsentInputDto)
  sms?: ConsentInputDto;
}

export class CreateCustomerDto {
  @ApiProperty({ example: 'דנה', maxLength: 100 })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @IsPersonName()
  firstName: string;

  @ApiPropertyOptional({ example: 'כהן', maxLength: 100, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @IsPersonName()
  lastName?: string | null;

  @ApiPropertyOptional({
    example: 'dana@example.co.il',
    description: 'Unique in the business. Phone or email is required.',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({
    example: '050-1234567',
    description: 'Any common format; stored as E.164 (+972501234567). Unique in the business.',
    nullable: true,
    type: String,
  })
  @ValidateIf((o: CreateCustomerDto) => !o.email || (o.phone !== undefined && o.phone !== null))
  @IsDefined({ message: 'phone or email is required' })
  @IsPhone()
  phone?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['VIP', 'לקוחה קבועה'], maxItems: 50 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @NormalizeTags()
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  @Matches(/^[^,;|]+$/, { each: true, message: 'each tag must be text without , ; or |' })
  tags?: string[];

  @ApiPropertyOptional({ example: 'מעדיפה תורים בבוקר', maxLength: 5000, nullable: true, type: String })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;

  @ApiPropertyOptional({ example: 'הרצל 1, תל אביב', maxLength: 300, nullable: true, type: String })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @ApiPropertyOptional({ example: '1990-04-12', format: 'date', nullable: true, type: String })
  @IsOptional()
  @IsBirthday()
  birthday?: string | null;

  @ApiPropertyOptional({ example: 'instagram', maxLength: 60, default: 'manual' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  source?: string;

  @ApiPropertyOptional({ enum: ['he', 'en'], default: 'he' })
  @IsOptional()
  @IsIn(['he', 'en'])
  language?: 'he' | 'en';

  @ApiPropertyOptional({ type: MarketingConsentInputDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MarketingConsentInputDto)
  marketingConsent?: MarketingConsentInputDto;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { 'מידת נעליים': 38, allergies: 'אגוזים' } })
  @IsOptional()
  @IsCustomFields()
  customFields?: Record<string, string | number | boolean | null>;
}
