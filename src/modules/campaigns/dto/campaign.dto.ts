import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { IsZonedDateTime } from '../../../common/time/zoned-time';
import { PatchType } from '../../../common/validation/patch-type';
import { Trim } from '../../../common/validation/transforms';
import { WhatsAppTemplateRefDto } from '../../notifications/dto/message.dto';
import { WhatsAppTemplateInputDto } from '../../notifications/dto/send-message.dto';
import { Channel, MessageLocale } from '../../notifications/notification.types';
import { CampaignStatus } from '../campaign.types';

const VARIABLES =
  'Liquid, with `{{ customer.firstName }}`, `{{ customer.lastName }}`, `{{ business.name }}`, `business.phone`, `business.email`';

export class CampaignDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'מבצע חנוכה' })
  name: string;

  @ApiProperty({ enum: Channel })
  channel: Channel;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The segment it sends to' })
  segmentId: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'ניוזלטר', description: 'Or the subscribers list it sends to' })
  subscriberList: string | null;

  @ApiProperty({ type: String, nullable: true, example: '{{ customer.firstName }}, 20% הנחה השבוע' })
  subject: string | null;

  @ApiProperty({ example: 'שלום {{ customer.firstName }}, השבוע 20% הנחה על כל הטיפולים ב{{ business.name }}.' })
  body: string;

  @ApiProperty({ type: String, nullable: true, description: 'Email HTML content (placed in the email layout); null: made from the body' })
  html: string | null;

  @ApiProperty({
    type: WhatsAppTemplateRefDto,
    nullable: true,
    description: 'WhatsApp: the approved template it goes as (parameters are Liquid); null: the body as free text',
  })
  whatsappTemplate: WhatsAppTemplateRefDto | null;

  @ApiProperty({ enum: MessageLocale, nullable: true, description: "Null: each recipient's language" })
  locale: MessageLocale | null;

  @ApiProperty({ enum: CampaignStatus })
  status: CampaignStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it sends (UTC)' })
  scheduledAt: Date | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-12-01T10:00:00.000+02:00',
    description: 'The same time in the business time zone, as the business reads it',
  })
  scheduledAtLocal: string | null;

  @ApiProperty({ description: 'Email: an open pixel records the first open per recipient' })
  trackOpens: boolean;

  @ApiProperty({
    description: "Email: links go through a redirect that records the first click per recipient (only to the message's own links)",
  })
  trackClicks: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  startedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Every recipient written to the message log and queued' })
  finishedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cancelledAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}

export class CreateCampaignDto {
  @ApiProperty({ example: 'מבצע חנוכה', maxLength: 120 })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name: string;

  @ApiProperty({ enum: Channel })
  @IsEnum(Channel)
  channel: Channel;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'The segment to send to (needed to schedule)' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  segmentId?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 60,
    example: 'ניוזלטר',
    description: "Instead of a segment: a subscribers list (subscribers' `lists`); those subscribed on the channel are sent to",
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  subscriberList?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 300,
    description: `Email subject (needed to schedule an email). ${VARIABLES}`,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(300)
  subject?: string | null;

  @ApiProperty({ maxLength: 20_000, description: `The text (the SMS, or the email's plain-text part). ${VARIABLES}` })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  body: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 100_000,
    description: 'Email HTML content (every value escaped); null: made from the body',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(100_000)
  html?: string | null;

  @ApiPropertyOptional({
    type: WhatsAppTemplateInputDto,
    nullable: true,
    description: `WhatsApp only: send this approved template (synced), its body parameters as Liquid per recipient, so it reaches people outside the 24-hour window; null: the body as free text, sent only to those who wrote in the last 24 hours (the others are skipped). ${VARIABLES}`,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @ValidateNested()
  @Type(() => WhatsAppTemplateInputDto)
  whatsappTemplate?: WhatsAppTemplateInputDto | null;

  @ApiPropertyOptional({ enum: MessageLocale, nullable: true, description: "Null: each recipient's language" })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(Object.values(MessageLocale))
  locale?: MessageLocale | null;

  @ApiPropertyOptional({ default: false, description: 'Email only: an open pixel (off by default)' })
  @IsOptional()
  @IsBoolean()
  trackOpens?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Email only: tracked links (off by default)' })
  @IsOptional()
  @IsBoolean()
  trackClicks?: boolean;
}

export class UpdateCampaignDto extends PatchType(CreateCampaignDto) {}

export class CampaignQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CampaignStatus })
  @IsOptional()
  @IsEnum(CampaignStatus)
  status?: CampaignStatus;
}

export class ScheduleCampaignDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2026-12-01T10:00',
    description: 'When to send: ISO 8601 with an offset, or a wall-clock time read in the business time zone. Absent, null or past: now',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsZonedDateTime()
  sendAt?: string | null;
}

export class CampaignStatsDto {
  @ApiProperty({ type: 'integer', description: 'Customers the campaign selected so far' })
  recipients: number;

  @ApiProperty({ type: 'integer', description: 'Selected, message not written yet' })
  pending: number;

  @ApiProperty({ type: 'integer', description: 'Written to the message log, not sent yet' })
  queued: number;

  @ApiProperty({
    type: 'integer',
    description: 'No marketing consent on the channel (at selection, or withdrawn before sending): not sent',
  })
  suppressed: number;

  @ApiProperty({ type: 'integer', description: 'No address on the channel: not sent' })
  skipped: number;

  @ApiProperty({ type: 'integer', description: 'Not sent because the campaign was cancelled' })
  cancelled: number;

  @ApiProperty({ type: 'integer', description: 'Handed to the provider (delivered and bounced included)' })
  sent: number;

  @ApiProperty({ type: 'integer', description: 'Reported delivered by the provider' })
  delivered: number;

  @ApiProperty({ type: 'integer', description: 'Failed to send, or reported undelivered' })
  failed: number;

  @ApiProperty({ type: 'integer', description: "Refused by the recipient's mail server" })
  bounced: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Recipients who opened it (email with trackOpens; null when not tracked)' })
  opened: number | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Recipients who clicked a link (email with trackClicks; null when not tracked)',
  })
  clicked: number | null;

  @ApiProperty({ type: 'integer', description: 'Recipients who withdrew consent after it reached them' })
  unsubscribed: number;
}

export class TestSendDto {
  @ApiProperty({
    example: 'dana@example.co.il',
    maxLength: 254,
    description: "An email address or a phone number, as the campaign's channel needs",
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  to: string;
}

export class TestSendResultDto {
  @ApiProperty({ format: 'uuid', description: 'The message in the message log' })
  messageId: string;

  @ApiProperty({ example: 'dana@example.co.il' })
  to: string;

  @ApiProperty({ example: 'queued' })
  status: string;
}
