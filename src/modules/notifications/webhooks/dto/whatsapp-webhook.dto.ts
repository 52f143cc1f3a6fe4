import { ApiProperty } from '@nestjs/swagger';

/**
 * Meta's WhatsApp notification, the fields we read: `entry[].changes[]` with
 * `field: messages` and a `value` holding `metadata.phone_number_id` (the
 * business), `statuses[]` (id = wamid, status sent | delivered | read | failed,
 * timestamp, errors, biz_opaque_callback_data) and `messages[]` (from, id,
 * timestamp, type, text.body). Every byte is covered by the signature.
 */
export class WhatsAppNotificationDto {
  @ApiProperty({ type: String, example: 'whatsapp_business_account' })
  object: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    example: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '972525550101', phone_number_id: '106540352242922' },
              statuses: [{ id: 'wamid.HBgM…', status: 'read', timestamp: '1767225600', recipient_id: '972501234567' }],
            },
          },
        ],
      },
    ],
  })
  entry: Record<string, unknown>[];
}

export class WhatsAppReceiptDto {
  @ApiProperty({ type: 'integer', example: 1, description: 'Statuses in the notification' })
  statuses: number;

  @ApiProperty({ type: 'integer', example: 0, description: 'Inbound messages in the notification' })
  messages: number;

  @ApiProperty({ type: 'integer', example: 1, description: 'Changed a message, or recorded an inbound message' })
  applied: number;

  @ApiProperty({ type: 'integer', example: 0, description: 'Already there or further on (statuses only move forward)' })
  unchanged: number;

  @ApiProperty({ type: 'integer', example: 0, description: 'Seen before (Meta delivers again until it gets a 200)' })
  duplicate: number;

  @ApiProperty({ type: 'integer', example: 0, description: 'About no number or message of ours' })
  ignored: number;
}
