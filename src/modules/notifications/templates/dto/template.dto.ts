import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { Channel, MessageLocale, TemplateKey } from '../../notification.types';

/** Longest sources a business may save (characters). */
export const TEMPLATE_SOURCE_LIMITS = { subject: 500, body: 20_000, html: 100_000 };

export class TemplateDto {
  @ApiProperty({ enum: TemplateKey })
  key: TemplateKey;

  @ApiProperty({ enum: Channel })
  channel: Channel;

  @ApiProperty({ enum: MessageLocale })
  locale: MessageLocale;

  @ApiProperty({ type: Boolean, description: "true: the business's own version; false: the built-in" })
  overridden: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'אישור תור: {{ service.name }}',
    description: 'Liquid source of the subject (email; null for SMS)',
  })
  subject: string | null;

  @ApiProperty({
    type: String,
    example: 'שלום {{ customer.firstName }},',
    description: "Liquid source of the plain text: an email's text part, or the SMS",
  })
  body: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '<p>שלום {{ customer.firstName }},</p>',
    description: 'Liquid source of the email HTML content (placed in the layout; every value escaped). null: made from the text',
  })
  html: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the business saved it (null for the built-in)' })
  updatedAt: Date | null;
}

export class SaveTemplateDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: TEMPLATE_SOURCE_LIMITS.subject,
    example: 'אישור תור ב{{ business.name }}',
    description: 'Required for email; absent or null for SMS',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(TEMPLATE_SOURCE_LIMITS.subject)
  subject?: string | null;

  @ApiProperty({
    type: String,
    maxLength: TEMPLATE_SOURCE_LIMITS.body,
    example: 'שלום {{ customer.firstName }}, התור שלך נקבע ל{{ appointment.startsAt | date }} בשעה {{ appointment.startsAt | time }}.',
    description: 'Liquid source of the plain text (email text part, or the SMS)',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEMPLATE_SOURCE_LIMITS.body)
  body: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: TEMPLATE_SOURCE_LIMITS.html,
    example: '<p>שלום {{ customer.firstName }},</p>',
    description: 'Email only: Liquid source of the HTML content (every value escaped; no `raw`). Absent or null: made from the text',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(TEMPLATE_SOURCE_LIMITS.html)
  html?: string | null;
}
