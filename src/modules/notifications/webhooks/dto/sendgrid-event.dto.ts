import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * One event of SendGrid's Event Webhook (the body is a JSON array of them),
 * the fields we read. SendGrid sends more; every byte is covered by the
 * signature and accepted.
 */
export class SendGridEventDto {
  @ApiProperty({
    type: String,
    example: 'delivered',
    description:
      'delivered → delivered; bounce → bounced (a hard bounce also marks the subscriber’s email bounced); dropped → suppressed or failed; unsubscribe, group_unsubscribe, spamreport → email marketing consent withdrawn; others change nothing.',
  })
  event: string;

  @ApiProperty({ type: String, example: 'dana@example.co.il' })
  email: string;

  @ApiProperty({ type: 'integer', example: 1767225600, description: 'When it happened (Unix seconds)' })
  timestamp: number;

  @ApiPropertyOptional({
    type: String,
    example: 'ZGVsaXZlcmVkLTAtMTIzNDU2Nzg5',
    description: "SendGrid's id of the event: a redelivered event is applied once",
  })
  sg_event_id?: string;

  @ApiPropertyOptional({ type: String, example: '14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0' })
  sg_message_id?: string;

  @ApiPropertyOptional({ type: String, example: '550 5.1.1 The email account does not exist', description: 'bounce, dropped: why' })
  reason?: string;

  @ApiPropertyOptional({ type: String, example: '5.1.1', description: 'bounce: the SMTP status' })
  status?: string;

  @ApiPropertyOptional({
    type: String,
    example: 'bounce',
    description: 'bounce: `bounce` (the address does not exist) or `blocked` (the server refused this message)',
  })
  type?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'custom_args we send with each message: its business' })
  businessId?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'custom_args: the message of the message log' })
  messageId?: string;

  @ApiPropertyOptional({ type: String, example: '1', description: 'custom_args: the sending attempt the event is about' })
  messageAttempt?: string;
}

/** What became of the events of one batch. */
export class SendGridEventsReceiptDto {
  @ApiProperty({ type: 'integer', example: 3, description: 'Events in the batch' })
  events: number;

  @ApiProperty({ type: 'integer', example: 2, description: 'Events that changed a message or a contact' })
  applied: number;

  @ApiProperty({
    type: 'integer',
    example: 0,
    description: 'Events with nothing left to change (the message is already further on, the contact already unsubscribed)',
  })
  unchanged: number;

  @ApiProperty({ type: 'integer', example: 1, description: 'Events already applied (the same sg_event_id)' })
  duplicate: number;

  @ApiProperty({ type: 'integer', example: 0, description: 'Events of kinds we do not act on, or for messages we do not know' })
  ignored: number;
}
