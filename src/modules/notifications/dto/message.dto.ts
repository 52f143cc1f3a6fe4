import { ApiProperty } from '@nestjs/swagger';
import { Channel, MessageKind, MessageLocale, MessageStatus } from '../notification.types';

export class WhatsAppTemplateRefDto {
  @ApiProperty({ example: 'appointment_reminder' })
  name: string;

  @ApiProperty({ example: 'he' })
  language: string;

  @ApiProperty({ type: String, isArray: true, example: ['דנה', '10:30'] })
  parameters: string[];
}

export class MessageDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: Channel })
  channel: Channel;

  @ApiProperty({ enum: MessageKind })
  kind: MessageKind;

  @ApiProperty({ enum: MessageStatus })
  status: MessageStatus;

  @ApiProperty({ example: 'dana@example.co.il' })
  to: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  customerId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  subscriberId: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'appointment.booked' })
  template: string | null;

  @ApiProperty({ enum: MessageLocale })
  locale: MessageLocale;

  @ApiProperty({ type: String, nullable: true })
  subject: string | null;

  @ApiProperty({ example: 'שלום דנה, התור נקבע…' })
  text: string;

  @ApiProperty({ type: String, nullable: true })
  html: string | null;

  @ApiProperty({ type: [String], example: ['tax_invoice_receipt-17.pdf'], description: 'Names of the files attached (email)' })
  attachments: string[];

  @ApiProperty({ type: 'integer', nullable: true, description: 'Billable SMS segments (Hebrew: 70 / 67 characters each)' })
  segments: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'smtp' })
  provider: string | null;

  @ApiProperty({ type: String, nullable: true })
  providerMessageId: string | null;

  @ApiProperty({ type: 'integer', example: 1 })
  attempts: number;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time', description: 'When it may go (scheduled, or after quiet hours)' })
  sendAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deliveredAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "WhatsApp's read receipt" })
  readAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  failedAt: Date | null;

  @ApiProperty({
    type: WhatsAppTemplateRefDto,
    nullable: true,
    description: 'WhatsApp: the approved template it goes as, with its parameters; null for free text and other channels',
  })
  whatsappTemplate: WhatsAppTemplateRefDto | null;
}

export class ProviderStatusDto {
  @ApiProperty({ enum: Channel })
  channel: Channel;

  @ApiProperty({ example: 'outbox', description: 'The configured driver (EMAIL_DRIVER, SMS_DRIVER)' })
  provider: string;

  @ApiProperty({ description: 'Whether it answered a health probe just now' })
  ok: boolean;

  @ApiProperty({ type: String, nullable: true })
  detail: string | null;
}
