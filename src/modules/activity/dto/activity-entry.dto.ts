import { ApiProperty } from '@nestjs/swagger';

export class ActivityEntryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['user', 'api_key', 'system', 'public'] })
  actorType: string;

  @ApiProperty({ nullable: true, type: String })
  actorId: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'דנה לוי' })
  actorName: string | null;

  @ApiProperty({ example: 'member.invite' })
  action: string;

  @ApiProperty({ example: 'membership' })
  entityType: string;

  @ApiProperty({ nullable: true, type: String })
  entityId: string | null;

  @ApiProperty({ nullable: true, type: String, required: false })
  customerId?: string | null;

  @ApiProperty({ example: 'דנה לוי: member.invite membership 5f0c…' })
  summary: string;

  @ApiProperty({ nullable: true, type: String })
  ip: string | null;

  @ApiProperty({ nullable: true, type: String })
  requestId: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  at: Date;
}
