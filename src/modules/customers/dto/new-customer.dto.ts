import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, ValidateIf } from 'class-validator';
import { IsPhone } from '../../../common/phone/is-phone.decorator';
import { CUSTOMER_FIELDS as F } from '../customer-fields';
import { IsCustomerEmail, IsCustomerLanguage, IsPersonName } from './customer-validators';

/**
 * A person who is not yet known to be a customer (a booking, an event
 * registration): matched to an existing customer by phone, then email, or
 * created. The names, phone and email follow CreateCustomerDto's rules.
 * Phone or email is required; phones are stored as E.164.
 */
export class NewCustomerDto {
  @ApiProperty({ example: 'נועה', maxLength: F.firstName.maxLength })
  @IsString()
  @IsNotEmpty()
  @IsPersonName()
  firstName: string;

  @ApiPropertyOptional({ example: 'כהן', maxLength: F.lastName.maxLength })
  @IsOptional()
  @IsString()
  @IsPersonName()
  lastName?: string;

  @ApiPropertyOptional({ example: '050-1234567', description: 'Phone or email is required' })
  @ValidateIf((o: NewCustomerDto) => o.phone !== undefined || o.email === undefined)
  @IsPhone()
  phone?: string;

  @ApiPropertyOptional({ example: 'noa@example.co.il' })
  @IsOptional()
  @IsCustomerEmail()
  email?: string;

  @ApiPropertyOptional({ enum: F.language.values, default: F.language.default })
  @IsOptional()
  @IsCustomerLanguage()
  language?: 'he' | 'en';
}
