import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import type { CustomerSortField } from '../customers.repository';

const SORT_FIELDS: CustomerSortField[] = [
  'createdAt',
  'updatedAt',
  'firstName',
  'lastName',
  'lastActivityAt',
  'totalSpendAgorot',
  'visitCount',
];

/** The filters shared by the list and the export. */
export class CustomerFilterDto {
  @ApiPropertyOptional({
    description: 'Search in name, email and phone; partial input works (e.g. "כה", "050-12", "dana@")',
    example: 'כהן',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    description: 'Customers with this tag; repeat the parameter to require several',
    type: [String],
    example: ['VIP'],
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? [value] : value))
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  tag?: string[];

  @ApiPropertyOptional({
    enum: ['email', 'sms', 'none'],
    description: '`email`/`sms`: consented to marketing on that channel; `none`: on neither',
  })
  @IsOptional()
  @IsIn(['email', 'sms', 'none'])
  consent?: 'email' | 'sms' | 'none';

  @ApiPropertyOptional({ description: 'Created at or after', example: '2026-01-01T00:00:00+02:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  createdFrom?: string;

  @ApiPropertyOptional({ description: 'Created at or before', example: '2026-12-31T23:59:59+02:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  createdTo?: string;

  @ApiPropertyOptional({
    enum: ['active', 'archived', 'all'],
    default: 'active',
    description: 'Archived customers are left out unless asked for',
  })
  @IsOptional()
  @IsIn(['active', 'archived', 'all'])
  archived?: 'active' | 'archived' | 'all';
}

export class CustomerQueryDto extends IntersectionType(PageQueryDto, CustomerFilterDto) {
  @ApiPropertyOptional({ enum: SORT_FIELDS, default: 'createdAt' })
  @IsOptional()
  @IsIn(SORT_FIELDS)
  sort?: CustomerSortField;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    default: 'true',
    description: '`false` skips counting the matches (`meta.total` is then null): for infinite scroll over large lists',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  total?: 'true' | 'false';
}

export class CustomerExportQueryDto extends CustomerFilterDto {
  @ApiPropertyOptional({ enum: ['he', 'en'], default: 'he', description: 'Language of the column headers' })
  @IsOptional()
  @IsIn(['he', 'en'])
  headers?: 'he' | 'en';
}
