import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Matches, MaxLength } from 'class-validator';
import { Trim } from '../../../../common/validation/transforms';
import { TemplateKey } from '../../notification.types';

export class WhatsAppTemplateDto {
  @ApiProperty({ example: 'appointment_reminder' })
  name: string;

  @ApiProperty({ example: 'he', description: "Meta's language code" })
  language: string;

  @ApiProperty({ example: 'UTILITY', description: 'MARKETING, UTILITY or AUTHENTICATION' })
  category: string;

  @ApiProperty({ example: 'שלום {{1}}, תזכורת לתור שלך ב-{{2}}', description: 'The body text with its placeholders' })
  body: string;

  @ApiProperty({ type: 'integer', example: 2, description: 'How many body parameters it takes' })
  parameterCount: number;

  @ApiProperty({ type: String, format: 'date-time' })
  syncedAt: Date;
}

export class WhatsAppTemplateSyncDto {
  @ApiProperty({ type: 'integer', example: 3, description: 'Approved templates now held (the others were left out)' })
  approved: number;

  @ApiProperty({ type: 'integer', example: 5, description: 'Templates the business account lists, approved or not' })
  listed: number;

  @ApiProperty({ type: WhatsAppTemplateDto, isArray: true })
  templates: WhatsAppTemplateDto[];
}

export class WhatsAppTemplateMappingDto {
  @ApiProperty({ enum: TemplateKey, example: TemplateKey.appointmentReminder })
  key: TemplateKey;

  @ApiProperty({ example: 'appointment_reminder' })
  name: string;

  @ApiProperty({ example: 'he' })
  language: string;

  @ApiProperty({
    type: String,
    isArray: true,
    example: ['{{ customer.firstName }}', '{{ appointment.startsAt | time }}'],
    description: "One text template per body parameter, in order ({{1}} first), rendered with the key's variables",
  })
  parameters: string[];

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}

export class PutWhatsAppTemplateMappingDto {
  @ApiProperty({ example: 'appointment_reminder', description: 'An approved template of the last sync' })
  @Trim()
  @IsString()
  @Matches(/^[a-z0-9_]{1,512}$/, { message: 'name must be a WhatsApp template name (lower-case letters, digits, _)' })
  name: string;

  @ApiProperty({ example: 'he', description: "The template's language code, as synced" })
  @Trim()
  @IsString()
  @Matches(/^[a-zA-Z]{2,3}(_[a-zA-Z]{2,4})?$/, { message: 'language must be a language code such as he or en_US' })
  language: string;

  @ApiProperty({
    type: String,
    isArray: true,
    maxItems: 20,
    example: ['{{ customer.firstName }}', '{{ appointment.startsAt | time }}'],
    description: "One text template per body parameter of the WhatsApp template, in order; the key's variables are available",
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  parameters: string[];
}
