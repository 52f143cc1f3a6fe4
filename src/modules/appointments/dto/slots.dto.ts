import { ApiProperty } from '@nestjs/swagger';

export class SlotDto {
  @ApiProperty({ type: String, format: 'date-time', example: '2026-03-27T07:00:00.000Z' })
  startsAt: Date;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-03-27T07:45:00.000Z' })
  endsAt: Date;

  @ApiProperty({ example: '2026-03-27T10:00:00.000+03:00', description: 'The start in the business time zone' })
  localStartsAt: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Calendars free at this time' })
  calendarIds: string[];
}

export class SlotsDto {
  @ApiProperty({ format: 'uuid' })
  serviceId: string;

  @ApiProperty({ example: 'Asia/Jerusalem' })
  timeZone: string;

  @ApiProperty({ type: 'integer', example: 45 })
  durationMinutes: number;

  @ApiProperty({ type: [SlotDto] })
  slots: SlotDto[];
}
