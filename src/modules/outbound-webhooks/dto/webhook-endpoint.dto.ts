import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { Trim } from '../../../common/validation/transforms';
import { WebhookEndpointStatus } from '../entities/webhook-endpoint.entity';
import { ALL_EVENTS, WEBHOOK_EVENT_TYPES } from '../webhook-events';

const EVENT_CHOICES = [ALL_EVENTS, ...WEBHOOK_EVENT_TYPES];

export class WebhookEndpointDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'https://crm.example.co.il/hooks/chatgrow' })
  url: string;

  @ApiProperty({ type: String, nullable: true, example: 'סנכרון ל-CRM' })
  description: string | null;

  @ApiProperty({ type: [String], enum: EVENT_CHOICES, example: ['appointment.booked', 'customer.created'] })
  eventTypes: string[];

  @ApiProperty({ enum: WebhookEndpointStatus })
  status: WebhookEndpointStatus;

  @ApiProperty({ type: String, nullable: true, example: '20 failed attempts in a row' })
  disabledReason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  disabledAt: Date | null;

  @ApiProperty({ type: 'integer', description: 'Failed attempts since the last success' })
  consecutiveFailures: number;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Until then deliveries are also signed with the previous secret',
  })
  previousSecretExpiresAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}

export class WebhookEndpointWithSecretDto extends WebhookEndpointDto {
  @ApiProperty({
    example: 'whsec_3q2-7wEkYlR0dN5QmW1vJx8sHc4uGtAaBbCcDdEeFfG',
    description: 'The signing secret. Shown once (here and at each rotation): store it now.',
  })
  secret: string;
}

export class CreateWebhookEndpointDto {
  @ApiProperty({ example: 'https://crm.example.co.il/hooks/chatgrow', maxLength: 2048, description: 'https, on a public address' })
  @Trim()
  @IsString()
  @MaxLength(2048)
  url: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Trim()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiProperty({
    type: [String],
    enum: EVENT_CHOICES,
    example: ['appointment.booked', 'customer.created'],
    description: 'Event types to receive, or `["*"]` for all',
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(EVENT_CHOICES.length)
  @ArrayUnique()
  @IsIn(EVENT_CHOICES, { each: true, message: `each event type must be one of: ${EVENT_CHOICES.join(', ')}` })
  eventTypes: string[];
}

export class UpdateWebhookEndpointDto {
  @ApiPropertyOptional({ example: 'https://crm.example.co.il/hooks/chatgrow', maxLength: 2048 })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Trim()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({ type: [String], enum: EVENT_CHOICES })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(EVENT_CHOICES.length)
  @ArrayUnique()
  @IsIn(EVENT_CHOICES, { each: true, message: `each event type must be one of: ${EVENT_CHOICES.join(', ')}` })
  eventTypes?: string[];

  @ApiPropertyOptional({
    enum: WebhookEndpointStatus,
    description: '`enabled` re-enables a disabled endpoint and resets its failure count',
  })
  @IsOptional()
  @IsEnum(WebhookEndpointStatus)
  status?: WebhookEndpointStatus;
}
