import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { WebhookDeliveryStatus, type WebhookEnvelope } from '../entities/webhook-delivery.entity';

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  endpointId: string;

  @ApiProperty({ format: 'uuid', description: 'The event id (`ChatGrow-Event-Id`): the same on every attempt and redelivery' })
  eventId: string;

  @ApiProperty({ example: 'appointment.booked' })
  eventType: string;

  @ApiProperty({ enum: WebhookDeliveryStatus })
  status: WebhookDeliveryStatus;

  @ApiProperty({ type: 'integer', description: 'Attempts in the current series (a redelivery starts a new one)' })
  attempts: number;

  @ApiProperty({ type: 'integer', description: 'Manual redeliveries so far' })
  redeliveries: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the next attempt goes (pending only)' })
  nextAttemptAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastAttemptAt: Date | null;

  @ApiProperty({ type: 'integer', nullable: true, example: 200 })
  lastStatusCode: number | null;

  @ApiProperty({ type: String, nullable: true, example: 'HTTP 503' })
  lastError: string | null;

  @ApiProperty({ type: String, nullable: true, description: "The start of the last answer's body (1 KiB at most)" })
  responseSnippet: string | null;

  @ApiProperty({ type: 'integer', nullable: true })
  durationMs: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deliveredAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

export class WebhookEnvelopeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'appointment.booked' })
  type: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'uuid' })
  businessId: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's payload (see the README for what is left out)" })
  data: Record<string, unknown>;
}

export class WebhookDeliveryDetailDto extends WebhookDeliveryDto {
  @ApiProperty({ type: WebhookEnvelopeDto, description: 'The body sent (as JSON)' })
  payload: WebhookEnvelope;
}

export class WebhookDeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: WebhookDeliveryStatus })
  @IsOptional()
  @IsEnum(WebhookDeliveryStatus)
  status?: WebhookDeliveryStatus;
}
