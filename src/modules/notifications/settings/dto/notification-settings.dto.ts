import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsEmail, IsEnum, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { NormalizeEmail, Trim } from '../../../../common/validation/transforms';
import { Channel } from '../../notification.types';
import { NotifiableEvent } from '../notification-settings.defaults';

const HH_MM = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const TIME_MESSAGE = 'must be a time HH:mm (00:00–23:59)';
/** An E.164 number, or an alphanumeric sender id (1–11 characters, at least one letter) as Israeli carriers accept. */
const SMS_SENDER = /^(?:\+[1-9]\d{6,14}|(?=[A-Za-z0-9 ]*[A-Za-z])[A-Za-z0-9 ]{1,11})$/;

const channels = (description: string) =>
  function (target: object, key: string) {
    ApiProperty({ enum: Channel, isArray: true, description })(target, key);
    IsArray()(target, key);
    ArrayUnique()(target, key);
    IsEnum(Channel, { each: true, message: `${key} must list channels of: ${Object.values(Channel).join(', ')}` })(target, key);
  };

/** Which events message the customer, on which channels (an empty list: none). */
export class NotificationEventsDto implements Record<NotifiableEvent, Channel[]> {
  @channels('A booking was made (staff, API or the public page)')
  'appointment.booked': Channel[];

  @channels('The appointment moved')
  'appointment.rescheduled': Channel[];

  @channels('The appointment was cancelled')
  'appointment.cancelled': Channel[];

  @channels('Before the appointment, at the offsets of the booking settings')
  'appointment.reminder': Channel[];

  @channels('An event registration got a place')
  'registration.confirmed': Channel[];

  @channels('An event registration joined the waitlist')
  'registration.waitlisted': Channel[];

  @channels('A waitlisted registration took a freed place')
  'registration.promoted': Channel[];

  @channels('The event was cancelled')
  'event.cancelled': Channel[];
}

export class NotificationSettingsDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 100,
    example: 'סטודיו דנה',
    description: 'Emails are from this name (default: the business name)',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  senderName: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'email',
    example: 'office@studio-dana.co.il',
    description: 'Replies go here',
  })
  @IsOptional()
  @NormalizeEmail()
  @IsEmail()
  replyTo: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'StudioDana',
    description: 'SMS sender: an E.164 number or up to 11 letters and digits',
  })
  @IsOptional()
  @Matches(SMS_SENDER, { message: 'smsSender must be an E.164 number or 1-11 letters, digits and spaces' })
  smsSender: string | null;

  @ApiProperty({ type: NotificationEventsDto })
  @ValidateNested()
  @Type(() => NotificationEventsDto)
  events: NotificationEventsDto;

  @ApiProperty({ example: '22:00', description: 'Marketing SMS wait from this time each night (business time zone)' })
  @Matches(HH_MM, { message: `quietFrom ${TIME_MESSAGE}` })
  quietFrom: string;

  @ApiProperty({ example: '08:00', description: '… until this time' })
  @Matches(HH_MM, { message: `quietTo ${TIME_MESSAGE}` })
  quietTo: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '14:00',
    description: 'And from Friday at this time (null: no Shabbat window)',
  })
  @IsOptional()
  @Matches(HH_MM, { message: `shabbatFrom ${TIME_MESSAGE}` })
  shabbatFrom: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '20:00', description: '… until Saturday at this time' })
  @IsOptional()
  @Matches(HH_MM, { message: `shabbatTo ${TIME_MESSAGE}` })
  shabbatTo: string | null;
}
