import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsISO8601, IsNotEmpty, IsOptional, IsString, ValidateIf, ValidateNested } from 'class-validator';
import { IsPhone } from '../../../common/phone/is-phone.decorator';
import { Trim } from '../../../common/validation/transforms';
import { CUSTOMER_FIELDS as F } from '../customer-fields';
import { FIELD_MESSAGES } from '../customer-field-rules';
import {
  AreTags,
  FieldMaxLength,
  IsBirthday,
  IsCustomFields,
  IsCustomerEmail,
  IsCustomerLanguage,
  IsPersonName,
} from './customer-validators';

export class ConsentInputDto {
  @ApiProperty({ description: 'Whether the customer agreed to marketing on this channel' })
  @IsBoolean()
  granted: boolean;

  @ApiPropertyOptional({ description: 'When the customer agreed or refused (default: now)', example: '2026-11-20T10:15:00+02:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;

  @ApiPropertyOptional({ description: 'Where consent was given', example: 'טופס באתר', maxLength: F.emailConsent.maxLength })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @FieldMaxLength(F.emailConsent.maxLength)
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
  @ApiProperty({ example: 'דנה', maxLength: F.firstName.maxLength })
  @IsDefined()
  @IsString()
  @IsNotEmpty()
  @IsPersonName()
  firstName: string;

  @ApiPropertyOptional({ example: 'כהן', maxLength: F.lastName.maxLength, nullable: true, type: String })
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
  @IsCustomerEmail()
  email?: string | null;

  @ApiPropertyOptional({
    example: '050-1234567',
    description: 'Any common format; stored as E.164 (+972501234567). Unique in the business.',
    nullable: true,
    type: String,
  })
  @ValidateIf((o: CreateCustomerDto) => !o.email || (o.phone !== undefined && o.phone !== null))
  @IsDefined({ message: FIELD_MESSAGES.contactRequired() })
  @IsPhone()
  phone?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['VIP', 'לקוחה קבועה'], maxItems: F.tags.maxItems })
  @IsOptional()
  @AreTags()
  tags?: string[];

  @ApiPropertyOptional({ example: 'מעדיפה תורים בבוקר', maxLength: F.notes.maxLength, nullable: true, type: String })
  @IsOptional()
  @Trim()
  @IsString()
  @FieldMaxLength(F.notes.maxLength)
  notes?: string | null;

  @ApiPropertyOptional({ example: 'הרצל 1, תל אביב', maxLength: F.address.maxLength, nullable: true, type: String })
  @IsOptional()
  @Trim()
  @IsString()
  @FieldMaxLength(F.address.maxLength)
  address?: string | null;

  @ApiPropertyOptional({ example: '1990-04-12', format: 'date', nullable: true, type: String })
  @IsOptional()
  @IsBirthday()
  birthday?: string | null;

  @ApiPropertyOptional({ example: 'instagram', maxLength: F.source.maxLength, default: F.source.default })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @FieldMaxLength(F.source.maxLength)
  source?: string;

  @ApiPropertyOptional({ enum: F.language.values, default: F.language.default })
  @IsOptional()
  @IsCustomerLanguage()
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
