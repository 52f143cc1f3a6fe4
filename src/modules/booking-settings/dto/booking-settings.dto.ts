import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsTimeZone, Max, Min, ValidateIf } from 'class-validator';

export class BookingSettingsDto {
  @ApiProperty({ example: 'Asia/Jerusalem', description: 'The zone slots and reminders are read in' })
  timeZone: string;

  @ApiProperty({ description: 'True when no zone is stored and the business time zone applies' })
  timeZoneFollowsBusiness: boolean;

  @ApiProperty({ type: 'integer', example: 60, description: 'Bookings must start at least this many minutes from now' })
  minimumNoticeMinutes: number;

  @ApiProperty({ type: 'integer', example: 60, description: 'Bookings open this many days ahead (through the end of that local day)' })
  bookingWindowDays: number;

  @ApiProperty({
    type: 'integer',
    example: 15,
    description: 'Offered start times step by this many minutes from the start of each working range',
  })
  slotIntervalMinutes: number;

  @ApiProperty({ type: 'integer', example: 24, description: 'Customers may cancel or reschedule until this many hours before the start' })
  cancellationWindowHours: number;

  @ApiProperty({ type: [Number], example: [1440, 120], description: 'Reminders go out this many minutes before the start' })
  reminderOffsetsMinutes: number[];

  @ApiProperty({ description: 'Public bookings start as pending until the business confirms them' })
  requireConfirmation: boolean;
}

/** Every field optional; an omitted field is reset to its default (PUT replaces the whole settings). */
export class UpdateBookingSettingsDto {
  @ApiPropertyOptional({
    example: 'Asia/Jerusalem',
    nullable: true,
    type: String,
    description: 'null or omitted: follow the business time zone',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsTimeZone()
  timeZone?: string | null;

  @ApiPropertyOptional({ type: 'integer', example: 60, minimum: 0, maximum: 43200 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(43_200)
  minimumNoticeMinutes?: number;

  @ApiPropertyOptional({ type: 'integer', example: 60, minimum: 1, maximum: 730 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(730)
  bookingWindowDays?: number;

  @ApiPropertyOptional({ type: 'integer', example: 15, minimum: 5, maximum: 720 })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(720)
  slotIntervalMinutes?: number;

  @ApiPropertyOptional({ type: 'integer', example: 24, minimum: 0, maximum: 720 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(720)
  cancellationWindowHours?: number;

  @ApiPropertyOptional({ type: [Number], example: [1440, 120], description: 'Up to 5 offsets, 5 minutes to 30 days' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsInt({ each: true })
  @Min(5, { each: true })
  @Max(43_200, { each: true })
  reminderOffsetsMinutes?: number[];

  @ApiPropertyOptional({ example: false })
  @IsOptional()
  @IsBoolean()
  requireConfirmation?: boolean;
}
