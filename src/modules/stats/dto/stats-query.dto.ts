import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { GRANULARITIES, type Granularity, IsDateOrDateTime } from '../../../common/time/reporting-period';

const WHEN =
  'A date (`2026-11-01`: the start of that day) or an ISO 8601 date-time (`2026-11-01T08:00` in the business time zone, or with an offset)';

export class StatsQueryDto {
  @ApiPropertyOptional({
    type: String,
    maxLength: 40,
    example: '2026-11-01',
    description: `Start of the period, included. ${WHEN}. Default: the start of the month \`to\` ends in, or of the current month`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @IsDateOrDateTime()
  from?: string;

  @ApiPropertyOptional({
    type: String,
    maxLength: 40,
    example: '2026-12-01',
    description: `End of the period, excluded. ${WHEN}. Default: the start of the month after \`from\`'s. At most 366 days after \`from\` by day, 10 years by month`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @IsDateOrDateTime()
  to?: string;

  @ApiPropertyOptional({
    enum: GRANULARITIES,
    default: 'day',
    description: 'The buckets of `series`: calendar days or months in the business time zone',
  })
  @IsOptional()
  @IsIn(GRANULARITIES)
  granularity?: Granularity;
}
