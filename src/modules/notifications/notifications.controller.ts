import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiAuth, CurrentBusiness, Roles } from '../../common/auth/auth.decorators';
import { Role } from '../../common/auth/role';
import { requestHash } from '../../common/crypto/canonical-hash';
import { ApiPaginatedResponse, paginated, Paginated } from '../../common/pagination/paginated';
import { NotFoundAppException } from '../../common/problem/app.exception';
import { ProblemDetails } from '../../common/problem/problem-details';
import { Activity } from '../activity/activity.decorator';
import { ChannelDispatcher } from './channel-dispatcher';
import { MessageDto, ProviderStatusDto } from './dto/message.dto';
import { MessageQueryDto } from './dto/message-query.dto';
import { SendMessageDto } from './dto/send-message.dto';
import { MessageLogService } from './message-log.service';
import { toMessageDto } from './message.mapper';
import { NotificationsService } from './notifications.service';
import { ApiIdempotencyKey, markReplayed } from '../idempotency/idempotency.http';

@ApiTags('notifications')
@ApiAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly log: MessageLogService,
    private readonly channels: ChannelDispatcher,
  ) {}

  @Post('send')
  @HttpCode(202)
  @Roles(Role.owner, Role.admin, Role.staff)
  @Activity('message.send', 'message')
  @ApiOperation({ summary: 'Send an email or SMS (a template or a hand-written body): logged, then queued; 202 with the message' })
  @ApiIdempotencyKey('message')
  @ApiAcceptedResponse({ type: MessageDto })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description:
      'Marketing without consent for the channel (nothing sent), or no address; WhatsApp: not configured, free text outside the 24-hour window (message.whatsapp_window_closed), a template not synced or a parameter that renders empty',
  })
  async send(
    @CurrentBusiness() businessId: string,
    @Body() dto: SendMessageDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MessageDto> {
    const { sendAt, ...rest } = dto;
    const hash = key ? requestHash('notifications.send', dto) : undefined;
    const { message, created } = await this.notifications.send(businessId, {
      ...rest,
      sendAt: sendAt ? new Date(sendAt) : undefined,
      key: key ? `api:${key}` : undefined,
      requestHash: hash,
    });
    markReplayed(res, !created);
    return toMessageDto(message);
  }

  @Get('history')
  @ApiOperation({ summary: 'The message log, newest first (filters: channel, status, customer, template, date range)' })
  @ApiPaginatedResponse(MessageDto)
  async history(@CurrentBusiness() businessId: string, @Query() q: MessageQueryDto): Promise<Paginated<MessageDto>> {
    const filter = {
      channel: q.channel,
      status: q.status,
      customerId: q.customerId,
      template: q.template,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
    };
    const { items, total } = await this.log.list(businessId, filter, q);
    return paginated(items.map(toMessageDto), q, total);
  }

  @Get('history/:id')
  @ApiOperation({ summary: 'One message, with its status, attempts and last error' })
  @ApiOkResponse({ type: MessageDto })
  async message(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<MessageDto> {
    const message = await this.log.get(businessId, id);
    if (!message) throw new NotFoundAppException('message', id);
    return toMessageDto(message);
  }

  @Post('history/:id/retry')
  @HttpCode(202)
  @Roles(Role.owner, Role.admin)
  @Activity('message.retry', 'message')
  @ApiOperation({ summary: 'Send a failed message again' })
  @ApiAcceptedResponse({ type: MessageDto })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The message has not failed' })
  async retry(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<MessageDto> {
    return toMessageDto(await this.notifications.retry(businessId, id));
  }

  @Get('providers')
  @Roles(Role.owner, Role.admin)
  @ApiOperation({ summary: 'The configured driver of each channel, and whether it answers a health probe' })
  @ApiOkResponse({ type: [ProviderStatusDto] })
  providers(): Promise<ProviderStatusDto[]> {
    return this.channels.providers();
  }
}
