import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PatchType } from '../../../common/validation/patch-type';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { Trim } from '../../../common/validation/transforms';

export class ServiceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'תספורת גברים' })
  name: string;

  @ApiProperty({ example: "Men's haircut", nullable: true, type: String })
  nameEn: string | null;

  @ApiProperty({ example: 'כולל חפיפה', nullable: true, type: String })
  description: string | null;

  @ApiProperty({ type: 'integer', example: 45 })
  durationMinutes: number;

  @ApiProperty({ type: 'integer', example: 12000, description: 'Price in agorot (120.00 ₪)' })
  priceAgorot: number;

  @ApiProperty({ example: 'ILS' })
  currency: string;

  @ApiProperty({ type: 'integer', example: 5 })
  bufferBeforeMinutes: number;

  @ApiProperty({ type: 'integer', example: 10 })
  bufferAfterMinutes: number;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Calendars (staff or resources) that perform it' })
  calendarIds: string[];

  @ApiProperty({ nullable: true, type: String, example: 'https://meet.example.com/cg-{appointmentId}' })
  meetingUrlTemplate: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}

/** What the public booking page shows of a service (the rest is the business's own). */
export const PUBLIC_SERVICE_FIELDS = ['id', 'name', 'nameEn', 'description', 'durationMinutes', 'priceAgorot', 'currency'] as const;

export class CreateServiceDto {
  @ApiProperty({ example: 'תספורת גברים', maxLength: 160 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(160)
  name: string;

  @ApiPropertyOptional({ example: "Men's haircut", nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Trim()
  @IsString()
  @MaxLength(160)
  nameEn?: string | null;

  @ApiPropertyOptional({ example: 'כולל חפיפה ועיצוב', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(4000)
  description?: string | null;

  @ApiProperty({ type: 'integer', example: 45, minimum: 5, maximum: 720 })
  @IsInt()
  @Min(5)
  @Max(720)
  durationMinutes: number;

  @ApiProperty({ type: 'integer', example: 12000, description: 'Integer agorot', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  priceAgorot: number;

  @ApiPropertyOptional({ type: 'integer', example: 0, minimum: 0, maximum: 240, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(240)
  bufferBeforeMinutes?: number;

  @ApiPropertyOptional({ type: 'integer', example: 10, minimum: 0, maximum: 240, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(240)
  bufferAfterMinutes?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ type: [String], format: 'uuid', default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  calendarIds?: string[];

  @ApiPropertyOptional({ nullable: true, type: String, example: 'https://meet.example.com/cg-{appointmentId}' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^https:\/\/[^\s]+$/, { message: 'meetingUrlTemplate must be an https URL' })
  @MaxLength(500)
  meetingUrlTemplate?: string | null;
}

export class UpdateServiceDto extends PatchType(CreateServiceDto) {}

export class ServiceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only active (true) or inactive (false) services' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only services this calendar performs' })
  @IsOptional()
  @IsUUID()
  calendarId?: string;
}
