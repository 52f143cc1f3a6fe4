import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/*
 * What Twilio posts (application/x-www-form-urlencoded), the parameters we
 * read. Twilio sends more and adds new ones over time: every parameter is
 * covered by the signature and accepted. These classes document the form;
 * the handlers read the verified form itself.
 */

/** A message status callback (the `StatusCallback` a message was sent with). */
export class TwilioStatusCallbackDto {
  @ApiProperty({ type: String, example: 'SM0123456789abcdef0123456789abcdef', description: "Twilio's id of the message" })
  MessageSid: string;

  @ApiProperty({
    type: String,
    example: 'delivered',
    description:
      'queued, sending, sent, delivered, undelivered, failed (and others). `delivered` marks the message delivered; `failed` and `undelivered` mark it failed; the rest change nothing.',
  })
  MessageStatus: string;

  @ApiPropertyOptional({
    type: String,
    example: '30003',
    description: 'Why it failed (failed, undelivered); recorded in the message’s lastError',
  })
  ErrorCode?: string;

  @ApiPropertyOptional({ type: String, example: 'AC0123456789abcdef0123456789abcdef' })
  AccountSid?: string;

  @ApiPropertyOptional({ type: String, example: '+972533000111' })
  From?: string;

  @ApiPropertyOptional({ type: String, example: '+972501234567' })
  To?: string;
}

/** An SMS someone sent to one of our numbers (the number's "A message comes in" webhook). */
export class TwilioInboundSmsDto {
  @ApiProperty({ type: String, example: 'SM0123456789abcdef0123456789abcdef' })
  MessageSid: string;

  @ApiProperty({ type: String, example: '+972501234567', description: 'The person who wrote' })
  From: string;

  @ApiProperty({ type: String, example: '+972533000111', description: 'Our number it was sent to' })
  To: string;

  @ApiProperty({
    type: String,
    example: 'הסר',
    description:
      'The text. An opt-out keyword (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, OPTOUT, REVOKE, הסר, הסרה; trimmed, any case) unsubscribes From from marketing SMS.',
  })
  Body: string;

  @ApiPropertyOptional({
    type: String,
    example: 'MG0123456789abcdef0123456789abcdef',
    description: 'Set when the number belongs to a Messaging Service',
  })
  MessagingServiceSid?: string;

  @ApiPropertyOptional({ type: String, example: 'AC0123456789abcdef0123456789abcdef' })
  AccountSid?: string;
}
