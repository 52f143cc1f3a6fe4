import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsEnum,
  IsIn,
  IsInt,
  IsISO4217CurrencyCode,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { IsZonedDateTime } from '../../../common/time/zoned-time';
import { EventStatus } from '../entities/business-event.entity';
import { Trim } from '../../../common/validation/transforms';

const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const TIME_HELP = 'ISO 8601 with offset, or local time without offset read in the business time zone';

export class CreateEventDto {
  @ApiProperty({ example: 'סדנת קרמיקה למתחילים', maxLength: 200 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'שלוש שעות של עבודה על האובניים, כולל חומרים וכיבוד קל', maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiProperty({ example: '2026-06-04T18:00', description: TIME_HELP })
  @IsZonedDateTime()
  startsAt: string;

  @ApiProperty({ example: '2026-06-04T21:00:00+03:00', description: TIME_HELP })
  @IsZonedDateTime()
  endsAt: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'רחוב הרצל 12, תל אביב', maxLength: 300 })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  location?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://meet.example.com/abc-defg-hij', maxLength: 500 })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'onlineUrl must be an http(s) URL' })
  @MaxLength(500)
  onlineUrl?: string | null;

  @ApiPropertyOptional({ type: 'integer', example: 12, nullable: true, description: 'Confirmed places; null or absent = unlimited' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity?: number | null;

  @ApiPropertyOptional({ type: 'integer', example: 18_000, default: 0, description: 'Price in agorot (₪180.00 = 18000)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  priceAgorot?: number;

  @ApiPropertyOptional({ example: 'ILS', description: "ISO 4217; default the business's currency" })
  @IsOptional()
  @Transform(upper)
  @IsISO4217CurrencyCode()
  currency?: string;

  @ApiPropertyOptional({ enum: [EventStatus.draft, EventStatus.published], default: EventStatus.draft })
  @IsOptional()
  @IsIn([EventStatus.draft, EventStatus.published], { message: 'status must be draft or published' })
  status?: EventStatus;

  @ApiPropertyOptional({
    type: String,
    example: '2026-06-03T20:00',
    nullable: true,
    description: `Public registration closes then (default: at the start). ${TIME_HELP}`,
  })
  @IsOptional()
  @IsZonedDateTime()
  registrationDeadline?: string | null;
}

export class UpdateEventDto {
  @ApiPropertyOptional({ example: 'סדנת קרמיקה למתחילים' })
  @ValidateIf((o: UpdateEventDto) => o.title !== undefined)
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({ example: '2026-06-04T18:00', description: TIME_HELP })
  @ValidateIf((o: UpdateEventDto) => o.startsAt !== undefined)
  @IsZonedDateTime()
  startsAt?: string;

  @ApiPropertyOptional({ example: '2026-06-04T21:00', description: TIME_HELP })
  @ValidateIf((o: UpdateEventDto) => o.endsAt !== undefined)
  @IsZonedDateTime()
  endsAt?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 300 })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  location?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'onlineUrl must be an http(s) URL' })
  @MaxLength(500)
  onlineUrl?: string | null;

  @ApiPropertyOptional({
    type: 'integer',
    nullable: true,
    description: 'null = unlimited. Raising it (or removing it) promotes the waitlist.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity?: number | null;

  @ApiPropertyOptional({ type: 'integer', example: 18_000 })
  @ValidateIf((o: UpdateEventDto) => o.priceAgorot !== undefined)
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  priceAgorot?: number;

  @ApiPropertyOptional({ example: 'ILS' })
  @ValidateIf((o: UpdateEventDto) => o.currency !== undefined)
  @Transform(upper)
  @IsISO4217CurrencyCode()
  currency?: string;

  @ApiPropertyOptional({ enum: EventStatus, description: '`cancelled` cancels every registration and cannot be undone' })
  @ValidateIf((o: UpdateEventDto) => o.status !== undefined)
  @IsEnum(EventStatus)
  status?: EventStatus;

  @ApiPropertyOptional({ type: String, nullable: true, description: TIME_HELP })
  @IsOptional()
  @IsZonedDateTime()
  registrationDeadline?: string | null;
}

export enum EventWhen {
  upcoming = 'upcoming',
  past = 'past',
}

export class EventQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: EventWhen, description: 'upcoming: not yet ended (soonest first); past: ended (latest first)' })
  @IsOptional()
  @IsEnum(EventWhen)
  when?: EventWhen;

  @ApiPropertyOptional({ enum: EventStatus })
  @IsOptional()
  @IsEnum(EventStatus)
  status?: EventStatus;
}

export class EventDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'סדנת קרמיקה למתחילים' })
  title: string;

  @ApiProperty({ type: String, nullable: true })
  description: string | null;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-06-04T15:00:00.000Z' })
  startsAt: Date;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-06-04T18:00:00.000Z' })
  endsAt: Date;

  @ApiProperty({ example: 'Asia/Jerusalem', description: 'The business time zone the local times are in' })
  timeZone: string;

  @ApiProperty({ example: '2026-06-04T18:00:00.000+03:00' })
  localStartsAt: string;

  @ApiProperty({ example: '2026-06-04T21:00:00.000+03:00' })
  localEndsAt: string;

  @ApiProperty({ type: String, nullable: true, example: 'רחוב הרצל 12, תל אביב' })
  location: string | null;

  @ApiProperty({ type: String, nullable: true })
  onlineUrl: string | null;

  @ApiProperty({ type: 'integer', nullable: true, example: 12 })
  capacity: number | null;

  @ApiProperty({ type: 'integer', example: 18_000 })
  priceAgorot: number;

  @ApiProperty({ example: 'ILS' })
  currency: string;

  @ApiProperty({ enum: EventStatus })
  status: EventStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  registrationDeadline: Date | null;

  @ApiProperty({ type: 'integer', example: 10 })
  confirmedCount: number;

  @ApiProperty({ type: 'integer', example: 3 })
  waitlistedCount: number;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 2,
    description: 'null = unlimited; 0 = full (new registrations are waitlisted)',
  })
  spotsLeft: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cancelledAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}

/** What the public page shows of an event: these fields of EventDto, and whether registration is open. */
export const PUBLIC_EVENT_FIELDS = [
  'id',
  'title',
  'description',
  'startsAt',
  'endsAt',
  'timeZone',
  'localStartsAt',
  'localEndsAt',
  'location',
  'onlineUrl',
  'priceAgorot',
  'currency',
  'spotsLeft',
  'registrationDeadline',
] as const;

export class PublicEventDto extends PickType(EventDto, PUBLIC_EVENT_FIELDS) {
  @ApiProperty({ example: true })
  registrationOpen: boolean;
}
