import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsPhone } from '../../../common/phone/is-phone.decorator';
import { Trim, NormalizeEmail } from '../../../common/validation/transforms';

/**
 * A person who is not yet known to be a customer (public booking, event
 * registration): matched to an existing customer by phone, then email, or
 * created. Phone or email is required; phones are stored as E.164.
 */
export class NewCustomerDto {
  @ApiProperty({ example: 'נועה' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName: string;

  @ApiPropertyOptional({ example: 'כהן' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  lastName?: string;

  @ApiPropertyOptional({ example: '050-1234567', description: 'Phone or email is required' })
  @ValidateIf((o: NewCustomerDto) => o.phone !== undefined || o.email === undefined)
  @IsPhone()
  phone?: string;

  @ApiPropertyOptional({ example: 'noa@example.co.il' })
  @IsOptional()
  @NormalizeEmail()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ enum: ['he', 'en'], default: 'he' })
  @IsOptional()
  @IsIn(['he', 'en'])
  language?: 'he' | 'en';
}
