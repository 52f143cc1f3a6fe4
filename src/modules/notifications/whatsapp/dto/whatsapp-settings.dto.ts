import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { Trim } from '../../../../common/validation/transforms';

export class WhatsAppSettingsDto {
  @ApiProperty({
    type: Boolean,
    description: 'Whether the business has connected a WhatsApp number (without it, sending on whatsapp is refused with 422)',
  })
  configured: boolean;

  @ApiProperty({ type: String, nullable: true, example: '106540352242922', description: "The number's id in Meta's WhatsApp Manager" })
  phoneNumberId: string | null;

  @ApiProperty({ type: String, nullable: true, example: '102290129340398', description: 'The WhatsApp Business Account (WABA) id' })
  businessAccountId: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '+972 52-555-0101',
    description: 'The number as Meta shows it (from the check call)',
  })
  displayPhoneNumber: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Xq9Z',
    description: 'The last 4 characters of the access token (stored encrypted, never shown)',
  })
  accessTokenLast4: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      'When Meta last accepted the token and the number id (GET /{phone-number-id}); null: Meta could not be reached when they were saved',
  })
  checkedAt: string | null;

  @ApiProperty({
    example: 'https://app.chatgrow.co.il/api/webhooks/whatsapp',
    description: "The callback URL for the Meta app's webhook (field `messages`)",
  })
  webhookUrl: string;
}

export class UpdateWhatsAppSettingsDto {
  @ApiProperty({ example: '106540352242922', description: "The number's id (digits) from WhatsApp Manager → API setup" })
  @Trim()
  @IsString()
  @Matches(/^\d{5,32}$/, { message: 'phoneNumberId must be the phone number id: digits' })
  phoneNumberId: string;

  @ApiProperty({ example: '102290129340398', description: 'The WhatsApp Business Account id (digits)' })
  @Trim()
  @IsString()
  @Matches(/^\d{5,32}$/, { message: 'businessAccountId must be the WhatsApp Business Account id: digits' })
  businessAccountId: string;

  @ApiProperty({
    example: 'EAAGm0PX4ZCpsBAKZAFRmZCtoken0123456789',
    description:
      "A system user's permanent access token with whatsapp_business_messaging and whatsapp_business_management. Stored encrypted, never shown again",
  })
  @Trim()
  @IsString()
  @Matches(/^[A-Za-z0-9_\-.|]{20,1024}$/, { message: 'accessToken must be a Meta access token' })
  accessToken: string;
}
