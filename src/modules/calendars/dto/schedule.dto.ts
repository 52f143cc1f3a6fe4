import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { LOCAL_DATE, TIME_OF_DAY } from '../schedule';

const TIME_MESSAGE = '$property must be a time HH:mm (00:00-23:59, or 24:00 as an end)';

export class TimeRangeDto {
  @ApiProperty({ example: '09:00' })
  @Matches(TIME_OF_DAY, { message: TIME_MESSAGE })
  start: string;

  @ApiProperty({ example: '17:00' })
  @Matches(TIME_OF_DAY, { message: TIME_MESSAGE })
  end: string;
}

export class WeeklyRangeDto extends TimeRangeDto {
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 6, example: 0, description: '0 = Sunday (יום ראשון) … 6 = Saturday' })
  @IsInt()
  @Min(0)
  @Max(6)
  weekday: number;
}

export class DateOverrideDto {
  @ApiProperty({ example: '2026-04-02', description: 'A local date in the business time zone' })
  @Matches(LOCAL_DATE, { message: 'date must be a date YYYY-MM-DD' })
  date: string;

  @ApiProperty({ type: [TimeRangeDto], description: 'Working ranges that day; empty = day off (e.g. ערב חג)' })
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => TimeRangeDto)
  ranges: TimeRangeDto[];
}

export class ScheduleDto {
  @ApiProperty({ type: [WeeklyRangeDto], example: [{ weekday: 0, start: '09:00', end: '17:00' }] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => WeeklyRangeDto)
  weekly: WeeklyRangeDto[];

  @ApiProperty({ type: [DateOverrideDto], example: [{ date: '2026-04-02', ranges: [] }] })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => DateOverrideDto)
  overrides: DateOverrideDto[];
}

export class ScheduleQueryDto {
  @ApiPropertyOptional({ example: '2026-04-01', description: 'Overrides on or after this date (default: all)' })
  @IsOptional()
  @Matches(LOCAL_DATE, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;
}
