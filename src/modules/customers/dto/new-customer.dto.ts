import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsPhone } from '../../../common/phone/is-phone.decorator';
import { normalizeEmail } from '../../../common/text/normalize';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * A person who is not yet known to be a customer (public booking, event
 * registration): matched to an existing customer by phone, then email, or
 * created. Phone or email is required; phones are stored as E.164.
 */
export class NewCustomerDto {
  @ApiProperty({ example: 'נועה' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName: string;

  @ApiPropertyOptional({ example: 'כהן' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  lastName?: string;

  @ApiPropertyOptional({ example: '050-1234567', description: 'Phone or email is required' })
  @ValidateIf((o: NewCustomerDto) => o.phone !== undefined || o.email === undefined)
  @IsPhone()
  phone?: string;

  @ApiPropertyOptional({ example: 'noa@example.co.il' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? normalizeEmail(value) : value))
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ enum: ['he', 'en'], default: 'he' })
  @IsOptional()
  @IsIn(['he', 'en'])
  language?: 'he' | 'en';
}
