import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { InvoiceType } from '../invoice-types';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class InvoiceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: InvoiceType })
  @IsOptional()
  @IsEnum(InvoiceType)
  type?: InvoiceType;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-11-01', description: 'Document date from (inclusive)' })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-11-30', description: 'Document date to (inclusive)' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, example: 17 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  number?: number;

  @ApiPropertyOptional({ type: String, maxLength: 100, description: 'Search: number, customer name or tax id' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

/** A period of document dates, both ends inclusive. */
export class InvoicePeriodQueryDto {
  @ApiProperty({ type: String, format: 'date', example: '2026-11-01' })
  @Matches(DATE, { message: 'from must be a date YYYY-MM-DD' })
  from: string;

  @ApiProperty({ type: String, format: 'date', example: '2026-11-30' })
  @Matches(DATE, { message: 'to must be a date YYYY-MM-DD' })
  to: string;
}

export class InvoiceExportQueryDto extends InvoicePeriodQueryDto {
  @ApiPropertyOptional({ enum: ['he', 'en'], default: 'he', description: 'The language of the header line and type names' })
  @IsOptional()
  @IsIn(['he', 'en'])
  headers?: 'he' | 'en';
}
