import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { PatchType } from '../../../common/validation/patch-type';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsPhone } from '../../../common/phone/is-phone.decorator';
import { CreateCustomerDto, MarketingConsentInputDto } from './create-customer.dto';
import { IsCustomFields, IsPersonName, NormalizeTags } from './customer-validators';
import { Trim } from '../../../common/validation/transforms';

/** Optional, but `null` is refused (the field always has a value). */
const IfPresent = (key: string) => ValidateIf((o: Record<string, unknown>) => o[key] !== undefined);

/**
 * Every field optional; `null` clears an optional field (lastName, email,
 * phone, notes, address, birthday). The customer must keep a phone or an email.
 * `tags` and `customFields` replace the stored values.
 */
export class UpdateCustomerDto extends PatchType(
  OmitType(CreateCustomerDto, ['firstName', 'phone', 'source', 'language', 'tags', 'customFields', 'marketingConsent'] as const),
) {
  @ApiPropertyOptional({ example: 'דנה', maxLength: 100 })
  @IfPresent('firstName')
  @IsString()
  @IsNotEmpty()
  @IsPersonName()
  firstName?: string;

  @ApiPropertyOptional({ example: '+972501234567', nullable: true, type: String })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @ApiPropertyOptional({ example: 'instagram', maxLength: 60 })
  @IfPresent('source')
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  source?: string;

  @ApiPropertyOptional({ enum: ['he', 'en'] })
  @IfPresent('language')
  @IsIn(['he', 'en'])
  language?: 'he' | 'en';

  @ApiPropertyOptional({ type: [String], example: ['VIP'], maxItems: 50, description: 'Replaces the tags' })
  @IfPresent('tags')
  @IsArray()
  @ArrayMaxSize(50)
  @NormalizeTags()
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  @Matches(/^[^,;|]+$/, { each: true, message: 'each tag must be text without , ; or |' })
  tags?: string[];

  @ApiPropertyOptional({ type: MarketingConsentInputDto })
  @IfPresent('marketingConsent')
  @ValidateNested()
  @Type(() => MarketingConsentInputDto)
  marketingConsent?: MarketingConsentInputDto;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Replaces the custom fields' })
  @IfPresent('customFields')
  @IsCustomFields()
  customFields?: Record<string, string | number | boolean | null>;
}
