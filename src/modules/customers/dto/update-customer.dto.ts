import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, ValidateIf, ValidateNested } from 'class-validator';
import { IsPhone } from '../../../common/phone/is-phone.decorator';
import { PatchType } from '../../../common/validation/patch-type';
import { Trim } from '../../../common/validation/transforms';
import { CUSTOMER_FIELDS as F } from '../customer-fields';
import { CreateCustomerDto, MarketingConsentInputDto } from './create-customer.dto';
import { AreTags, FieldMaxLength, IsCustomFields, IsCustomerLanguage, IsPersonName } from './customer-validators';

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
  @ApiPropertyOptional({ example: 'דנה', maxLength: F.firstName.maxLength })
  @IfPresent('firstName')
  @IsString()
  @IsNotEmpty()
  @IsPersonName()
  firstName?: string;

  @ApiPropertyOptional({ example: '+972501234567', nullable: true, type: String })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @ApiPropertyOptional({ example: 'instagram', maxLength: F.source.maxLength })
  @IfPresent('source')
  @Trim()
  @IsString()
  @IsNotEmpty()
  @FieldMaxLength(F.source.maxLength)
  source?: string;

  @ApiPropertyOptional({ enum: F.language.values })
  @IfPresent('language')
  @IsCustomerLanguage()
  language?: 'he' | 'en';

  @ApiPropertyOptional({ type: [String], example: ['VIP'], maxItems: F.tags.maxItems, description: 'Replaces the tags' })
  @IfPresent('tags')
  @AreTags()
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
