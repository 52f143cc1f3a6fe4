import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Equals, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { IsPhone } from '../../../common/phone/is-phone.decorator';
import { SubscriberChannel, SubscriptionStatus } from '../entities/subscriber.entity';
import { IsListNames, IsSubscriberEmail } from './subscriber-fields';

export class PublicSubscribeDto {
  @ApiPropertyOptional({
    example: 'dana@example.co.il',
    description: 'Email and/or phone is required. Email gets a confirmation link (double opt-in).',
  })
  @ValidateIf((o: PublicSubscribeDto) => o.email !== undefined || o.phone === undefined)
  @IsNotEmpty({ message: 'email or phone is required' })
  @IsSubscriberEmail()
  email?: string;

  @ApiPropertyOptional({ example: '050-1234567' })
  @IsOptional()
  @IsPhone()
  phone?: string;

  @ApiPropertyOptional({ example: 'דנה לוי' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(160)
  name?: string;

  @ApiPropertyOptional({ type: [String], example: ['ניוזלטר'] })
  @IsOptional()
  @IsListNames()
  lists?: string[];

  @ApiProperty({ example: true, description: 'The person ticked "I agree to receive marketing messages" (required by law)' })
  @Equals(true, { message: 'consent must be true' })
  consent: boolean;
}

export class PublicSubscribeResultDto {
  @ApiProperty({
    example: true,
    description: 'An email was given: a confirmation link is on its way (unless the address is already confirmed)',
  })
  emailConfirmationRequired: boolean;

  @ApiProperty({ example: false, description: 'A phone was given and is now subscribed' })
  smsSubscribed: boolean;
}

/** RFC 8058 one-click body: `List-Unsubscribe=One-Click` (application/x-www-form-urlencoded). */
export class OneClickUnsubscribeDto {
  @ApiPropertyOptional({ example: 'One-Click' })
  @IsOptional()
  @IsIn(['One-Click'])
  'List-Unsubscribe'?: string;
}

export class SubscriptionStateDto {
  @ApiProperty({ enum: SubscriberChannel })
  channel: SubscriberChannel;

  @ApiProperty({ enum: SubscriptionStatus, example: SubscriptionStatus.unsubscribed })
  status: SubscriptionStatus;

  @ApiProperty({ example: 'סטודיו דנה' })
  businessName: string;
}
