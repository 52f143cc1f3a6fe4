import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsInstant } from '../../../common/time/zoned-time';
import { Trim } from '../../../common/validation/transforms';
import { Channel, MessageKind, MessageLocale, TemplateKey } from '../notification.types';

const ONE_RECIPIENT = 'Send exactly one of to, customerId and subscriberId';
const ONE_CONTENT = 'Send a template, a body or (WhatsApp) a whatsappTemplate';

export class WhatsAppTemplateInputDto {
  @ApiProperty({ example: 'appointment_reminder', description: 'An approved template of the last sync' })
  @IsString()
  @Matches(/^[a-z0-9_]{1,512}$/, { message: 'whatsappTemplate.name must be a WhatsApp template name (lower-case letters, digits, _)' })
  name: string;

  @ApiProperty({ example: 'he' })
  @IsString()
  @Matches(/^[a-zA-Z]{2,3}(_[a-zA-Z]{2,4})?$/, { message: 'whatsappTemplate.language must be a language code such as he or en_US' })
  language: string;

  @ApiProperty({
    type: String,
    isArray: true,
    maxItems: 20,
    example: ['{{ customer.firstName }}', 'מחר ב-10:00'],
    description: 'One text template per body parameter, in order ({{1}} first)',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  parameters: string[];
}

export class SendMessageDto {
  @ApiProperty({ enum: Channel })
  @IsEnum(Channel)
  channel: Channel;

  @ApiProperty({
    enum: MessageKind,
    description: 'Marketing needs consent for the channel and carries an opt-out; transactional always goes',
  })
  @IsEnum(MessageKind)
  kind: MessageKind;

  @ApiPropertyOptional({ example: 'dana@example.co.il', description: `An email address or a phone number. ${ONE_RECIPIENT}` })
  @ValidateIf((o: SendMessageDto) => o.to !== undefined || (o.customerId === undefined && o.subscriberId === undefined))
  @Trim()
  @IsString({ message: ONE_RECIPIENT })
  @IsNotEmpty()
  @MaxLength(254)
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  subscriberId?: string;

  @ApiPropertyOptional({ enum: TemplateKey, description: 'A template (with `variables`), or a hand-written `body`' })
  @ValidateIf((o: SendMessageDto) => o.template !== undefined || (o.body === undefined && o.whatsappTemplate === undefined))
  @IsEnum(TemplateKey, { message: ONE_CONTENT })
  template?: TemplateKey;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { service: { name: 'תספורת' } } })
  @IsOptional()
  @IsObject()
  variables?: Record<string, unknown>;

  @ApiPropertyOptional({ maxLength: 200, description: 'Email subject of a hand-written message' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  subject?: string;

  @ApiPropertyOptional({ maxLength: 10_000, description: 'Plain-text body of a hand-written message' })
  @ValidateIf((o: SendMessageDto) => o.body !== undefined || (o.template === undefined && o.whatsappTemplate === undefined))
  @IsString({ message: ONE_CONTENT })
  @IsNotEmpty()
  @MaxLength(10_000)
  body?: string;

  @ApiPropertyOptional({ maxLength: 100_000, description: 'HTML of a hand-written email (sent as is)' })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  html?: string;

  @ApiPropertyOptional({ enum: MessageLocale, description: "Default: the customer's language, else the business's" })
  @IsOptional()
  @IsIn(Object.values(MessageLocale))
  locale?: MessageLocale;

  @ApiPropertyOptional({ example: '2026-12-01T10:00:00+02:00', description: 'Send later (ISO 8601 with offset)' })
  @IsOptional()
  @IsInstant()
  sendAt?: string;

  @ApiPropertyOptional({
    type: WhatsAppTemplateInputDto,
    description:
      'WhatsApp only, instead of template or body: send this approved template (synced) with its body parameters; allowed outside the 24-hour window',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => WhatsAppTemplateInputDto)
  whatsappTemplate?: WhatsAppTemplateInputDto;
}
