import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';
import { Channel, MessageStatus, TemplateKey } from '../notification.types';

export class MessageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: Channel })
  @IsOptional()
  @IsEnum(Channel)
  channel?: Channel;

  @ApiPropertyOptional({ enum: MessageStatus })
  @IsOptional()
  @IsEnum(MessageStatus)
  status?: MessageStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ enum: TemplateKey })
  @IsOptional()
  @IsIn(Object.values(TemplateKey))
  template?: TemplateKey;

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00+02:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30T23:59:59+02:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
