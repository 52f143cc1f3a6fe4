import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { CalendarKind } from '../entities/calendar.entity';
import { WeeklyRangeDto } from './schedule.dto';
import { Trim } from '../../../common/validation/transforms';

export class CalendarDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: CalendarKind })
  kind: CalendarKind;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The staff member (membership id) for kind `member`' })
  memberId: string | null;

  @ApiProperty({ example: 'דנה לוי' })
  name: string;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ type: [WeeklyRangeDto] })
  weekly: WeeklyRangeDto[];

  @ApiProperty({ description: 'Whether an iCalendar feed token is active' })
  feedEnabled: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}

export class CreateCalendarDto {
  @ApiProperty({ enum: CalendarKind, example: CalendarKind.member })
  @IsEnum(CalendarKind)
  kind: CalendarKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for kind `member`: the membership id of the staff member' })
  @ValidateIf((o: CreateCalendarDto) => o.kind === CalendarKind.member || o.memberId !== undefined)
  @IsUUID()
  memberId?: string;

  @ApiPropertyOptional({ example: 'חדר טיפולים 1', description: "Required for a resource; a member's calendar defaults to their name" })
  @ValidateIf((o: CreateCalendarDto) => o.kind === CalendarKind.resource || o.name !== undefined)
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateCalendarDto {
  @ApiPropertyOptional({ example: 'כיסא 2' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CalendarQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only active (true) or inactive (false) calendars' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class FeedTokenDto {
  @ApiProperty({ description: 'The feed secret. Shown once; rotating it stops the old link.', example: 'q1w2e3…' })
  token: string;

  @ApiProperty({ example: 'https://api.chatgrow.co.il/api/calendars/6c1…/feed.ics?token=q1w2e3…' })
  url: string;
}
