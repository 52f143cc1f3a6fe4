import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsEnum, IsNotEmpty, IsNotIn, IsOptional, IsString, IsTimeZone, Matches, MaxLength } from 'class-validator';
import { IsPhone } from '../../../common/phone/is-phone.decorator';
import { RESERVED_SLUGS } from '../../../common/text/normalize';
import { Locale, VatStatus } from '../../../common/tenancy/business.entity';
import { NormalizeEmail } from '../../../common/validation/transforms';

export class BusinessDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'סטודיו דנה' })
  name: string;

  @ApiProperty({ example: 'studio-dana' })
  slug: string;

  @ApiProperty({ nullable: true, type: String, example: 'דנה לוי בע"מ' })
  legalName: string | null;

  @ApiProperty({ nullable: true, type: String, example: '515555555', description: 'ח.פ / ע.מ' })
  taxId: string | null;

  @ApiProperty({ enum: VatStatus })
  vatStatus: VatStatus;

  @ApiProperty({ nullable: true, type: String, example: 'רחוב הרצל 1, תל אביב' })
  address: string | null;

  @ApiProperty({ nullable: true, type: String, example: '+97235551234' })
  phone: string | null;

  @ApiProperty({ nullable: true, type: String })
  email: string | null;

  @ApiProperty({ example: 'Asia/Jerusalem' })
  timeZone: string;

  @ApiProperty({ enum: Locale })
  locale: Locale;

  @ApiProperty({ example: 'ILS' })
  currency: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

export class UpdateBusinessDto {
  @ApiPropertyOptional({ example: 'סטודיו דנה' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(160)
  name?: string;

  @ApiPropertyOptional({ example: 'studio-dana', description: 'Lower-case letters, digits and dashes' })
  @IsOptional()
  @Matches(/^[a-z0-9](?:[a-z0-9-]{1,58}[a-z0-9])$/, { message: 'slug must be 3-60 lower-case letters, digits or dashes' })
  @IsNotIn([...RESERVED_SLUGS], { message: 'slug is a reserved word' })
  slug?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(160)
  legalName?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: '515555555' })
  @IsOptional()
  @Matches(/^\d{9}$/, { message: 'taxId must be 9 digits (ח.פ / ע.מ)' })
  taxId?: string | null;

  @ApiPropertyOptional({ enum: VatStatus })
  @IsOptional()
  @IsEnum(VatStatus)
  vatStatus?: VatStatus;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '03-5551234', description: 'null removes it' })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'office@studio-dana.co.il', description: 'null removes it' })
  @IsOptional()
  @NormalizeEmail()
  @IsEmail()
  email?: string | null;

  @ApiPropertyOptional({ example: 'Asia/Jerusalem' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ enum: Locale })
  @IsOptional()
  @IsEnum(Locale)
  locale?: Locale;
}
