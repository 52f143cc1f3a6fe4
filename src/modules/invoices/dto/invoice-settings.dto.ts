import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { IsPhone } from '../../../common/phone/is-phone.decorator';
import { Trim } from '../../../common/validation/transforms';
import { InvoiceType } from '../invoice-types';
import { TAX_ID } from './invoice-input.dto';

const IfPresent = (key: string) => ValidateIf((o: Record<string, unknown>) => o[key] !== undefined);
const START = { type: 'integer', minimum: 1, maximum: 999_999_999 } as const;

export class InvoiceSeriesDto {
  @ApiProperty({ enum: InvoiceType })
  type: InvoiceType;

  @ApiProperty({ type: 'integer', example: 1, description: 'The number the next document of this type gets' })
  nextNumber: number;

  @ApiProperty({ type: 'integer', example: 0, description: 'Documents issued in the series; once > 0 the starting number is fixed' })
  issued: number;
}

export class InvoiceIssuerDefaultsDto {
  @ApiProperty({ example: 'סטודיו דנה בע"מ' })
  legalName: string;

  @ApiProperty({ type: String, nullable: true })
  taxId: string | null;

  @ApiProperty({ type: String, nullable: true })
  address: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone: string | null;
}

export class InvoiceSettingsDto {
  @ApiProperty({ type: String, nullable: true, description: 'Printed as the issuer; null: the business profile’s legal name (or name)' })
  legalName: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'ח.פ / ע.מ; null: the business profile’s' })
  taxId: string | null;

  @ApiProperty({ type: String, nullable: true })
  address: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'E.164' })
  phone: string | null;

  @ApiProperty({ type: InvoiceIssuerDefaultsDto, description: 'What documents print, after the fallbacks to the business profile' })
  effective: InvoiceIssuerDefaultsDto;

  @ApiProperty({ type: Boolean })
  hasLogo: boolean;

  @ApiProperty({ type: Number, example: 18, description: 'Percent, stored on each document at issue' })
  vatRate: number;

  @ApiProperty({ type: String, nullable: true })
  footer: string | null;

  @ApiProperty({ type: String, nullable: true })
  defaultRemarks: string | null;

  @ApiProperty({ type: [InvoiceSeriesDto] })
  series: InvoiceSeriesDto[];

  @ApiProperty({ enum: ['manual', 'ita'], description: 'ALLOCATION_DRIVER' })
  allocationDriver: string;

  @ApiProperty({ type: Boolean, description: 'Whether the business authorised ChatGrow at the Tax Authority (ita driver)' })
  allocationConnected: boolean;
}

export class StartingNumbersDto {
  @ApiPropertyOptional(START)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(999_999_999)
  tax_invoice?: number;

  @ApiPropertyOptional(START)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(999_999_999)
  tax_invoice_receipt?: number;

  @ApiPropertyOptional(START)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(999_999_999)
  receipt?: number;

  @ApiPropertyOptional(START)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(999_999_999)
  credit_note?: number;
}

export class UpdateInvoiceSettingsDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 160, example: 'סטודיו דנה בע"מ' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(160)
  legalName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '515555555', description: '9 digits' })
  @IsOptional()
  @Matches(TAX_ID, { message: 'taxId must be 9 digits (ח.פ / ע.מ)' })
  taxId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 300 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '03-5551234' })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @ApiPropertyOptional({ type: Number, example: 18, minimum: 0, maximum: 100, description: 'Percent, up to 2 decimals' })
  @IfPresent('vatRate')
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  vatRate?: number;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  footer?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  defaultRemarks?: string | null;

  @ApiPropertyOptional({
    type: StartingNumbersDto,
    description: 'The first number of a series, while nothing was issued in it (continuing another system)',
  })
  @IfPresent('startingNumbers')
  @ValidateNested()
  @Type(() => StartingNumbersDto)
  startingNumbers?: StartingNumbersDto;
}

export class AllocationTokenDto {
  @ApiProperty({ type: String, maxLength: 4000, description: 'The OAuth2 access token the Tax Authority issued for this business' })
  @IsString()
  @Matches(/^[\x21-\x7e]{1,4000}$/, { message: 'accessToken must be 1-4000 visible ASCII characters' })
  accessToken: string;

  @ApiPropertyOptional({ type: String, maxLength: 4000 })
  @IsOptional()
  @IsString()
  @Matches(/^[\x21-\x7e]{1,4000}$/, { message: 'refreshToken must be 1-4000 visible ASCII characters' })
  refreshToken?: string;

  @ApiPropertyOptional({ type: 'integer', example: 601, description: "Seconds the access token lives (the token answer's expires_in)" })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(31_536_000)
  expiresIn?: number;
}

export const SERIES = [InvoiceType.taxInvoice, InvoiceType.taxInvoiceReceipt, InvoiceType.receipt, InvoiceType.creditNote] as const;
export const isSeries = (v: string): v is (typeof SERIES)[number] => (SERIES as readonly string[]).includes(v);
