import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateBy, ValidateIf } from 'class-validator';
import { Channel, MessageLocale, TemplateKey } from '../../notification.types';
import type { SmsEncoding } from '../sms-segments';
import { TEMPLATE_SOURCE_LIMITS } from './template.dto';

const VARIABLE_LIMITS = { depth: 4, values: 500, stringLength: 10_000 };

/** Whether `value` is a variables object: names to strings, numbers, booleans, null, arrays or objects of those, within limits. */
function isVariables(value: unknown): boolean {
  let count = 0;
  const ok = (v: unknown, depth: number): boolean => {
    if (++count > VARIABLE_LIMITS.values) return false;
    if (v === null || typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isFinite(v);
    if (typeof v === 'string') return v.length <= VARIABLE_LIMITS.stringLength;
    if (depth >= VARIABLE_LIMITS.depth || typeof v !== 'object') return false;
    return (Array.isArray(v) ? v : Object.values(v)).every((child) => ok(child, depth + 1));
  };
  return !!value && typeof value === 'object' && !Array.isArray(value) && ok(value, 0);
}

const IsTemplateVariables = () =>
  ValidateBy({
    name: 'isTemplateVariables',
    validator: {
      validate: isVariables,
      defaultMessage: () =>
        `variables must be an object of names to strings, numbers, booleans, null, or objects and arrays of those (at most ${VARIABLE_LIMITS.depth} levels, ${VARIABLE_LIMITS.values} values, strings up to ${VARIABLE_LIMITS.stringLength} characters)`,
    },
  });

export class PreviewTemplateDto {
  @ApiProperty({ enum: TemplateKey })
  @IsEnum(TemplateKey)
  key: TemplateKey;

  @ApiProperty({ enum: Channel })
  @IsEnum(Channel)
  channel: Channel;

  @ApiProperty({ enum: MessageLocale })
  @IsEnum(MessageLocale)
  locale: MessageLocale;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: TEMPLATE_SOURCE_LIMITS.subject,
    description: 'A draft subject; absent: the one in use (the business’s or the built-in)',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(TEMPLATE_SOURCE_LIMITS.subject)
  subject?: string | null;

  @ApiPropertyOptional({ type: String, maxLength: TEMPLATE_SOURCE_LIMITS.body, description: 'A draft plain text; absent: the one in use' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEMPLATE_SOURCE_LIMITS.body)
  body?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: TEMPLATE_SOURCE_LIMITS.html,
    description: 'A draft HTML content (email); null: made from the text; absent: the one in use',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(TEMPLATE_SOURCE_LIMITS.html)
  html?: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { customer: { firstName: 'דנה' }, price: 9000 },
    description: "Values that replace the key's sample data (nested, or dotted names like `customer.firstName`)",
  })
  @IsOptional()
  @IsTemplateVariables()
  variables?: Record<string, unknown>;
}

export class SmsPreviewDto {
  @ApiProperty({ type: 'integer', example: 2, description: 'Billable parts: GSM-7 160, then 153 per part; UCS-2 (Hebrew) 70, then 67' })
  segments: number;

  @ApiProperty({ enum: ['GSM-7', 'UCS-2'] })
  encoding: SmsEncoding;

  @ApiProperty({ type: 'integer', example: 113, description: 'Length in the encoding’s units (GSM-7 septets, UCS-2 UTF-16 units)' })
  characters: number;
}

export class TemplatePreviewDto {
  @ApiProperty({ enum: TemplateKey })
  key: TemplateKey;

  @ApiProperty({ enum: Channel })
  channel: Channel;

  @ApiProperty({ enum: MessageLocale })
  locale: MessageLocale;

  @ApiProperty({ type: String, nullable: true, example: 'אישור תור: תספורת, יום א׳, 3.5 בשעה 10:30', description: 'Email only' })
  subject: string | null;

  @ApiProperty({ type: String, description: 'The plain text (email text part, or the SMS)' })
  text: string;

  @ApiProperty({ type: String, nullable: true, description: 'Email only: the whole HTML document' })
  html: string | null;

  @ApiProperty({ type: SmsPreviewDto, nullable: true, description: 'SMS only: encoding and billable parts' })
  sms: SmsPreviewDto | null;
}
