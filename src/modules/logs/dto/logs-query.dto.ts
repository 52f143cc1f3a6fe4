import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { LOG_LEVELS, type LogLevel } from '../../../infra/config/env.schema';

export class LogsQueryDto {
  @ApiPropertyOptional({ enum: LOG_LEVELS, description: 'This level and more severe' })
  @IsOptional()
  @IsIn(LOG_LEVELS)
  level?: LogLevel;

  @ApiPropertyOptional({ example: '2026-11-21T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  since?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(128)
  requestId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit = 100;
}

export class LogLineDto {
  @ApiPropertyOptional({ example: 'info' })
  level: string;

  @ApiPropertyOptional({ example: 'GET /api/customers 200 3.1ms' })
  message: string;

  @ApiPropertyOptional({ example: '2026-11-21T10:00:00.000Z' })
  timestamp: string;

  @ApiPropertyOptional()
  requestId?: string;

  @ApiPropertyOptional({ example: 'HTTP' })
  context?: string;
}

export class LogLinesDto {
  @ApiProperty({ type: [LogLineDto] })
  data: LogLineDto[];
}
