import { Controller, Get, Header, Headers, HttpCode, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Request } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { ProblemDetails } from '../../../common/problem/problem-details';
import { WhatsAppNotificationDto, WhatsAppReceiptDto } from './dto/whatsapp-webhook.dto';
import { WEBHOOK_ROUTES } from './webhook-urls';
import { HUB_SIGNATURE_HEADER, WhatsAppWebhooksService } from './whatsapp-webhooks.service';

/** Meta calls these (public routes, no login): the handshake when the webhook is set up, then signed notifications. Not rate limited. */
@ApiTags('webhooks')
@Public()
@SkipThrottle()
@Controller(WEBHOOK_ROUTES.whatsapp)
export class WhatsAppWebhooksController {
  constructor(private readonly whatsapp: WhatsAppWebhooksService) {}

  @Get()
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({
    summary: "Meta's webhook verification: echoes hub.challenge when hub.verify_token is WHATSAPP_VERIFY_TOKEN",
  })
  // Decorators apply bottom-up: listed in reverse so the document shows mode, token, challenge.
  @ApiQuery({ name: 'hub.challenge', required: true, schema: { type: 'string', maxLength: 256 }, description: 'Echoed back' })
  @ApiQuery({ name: 'hub.verify_token', required: true, schema: { type: 'string' }, description: 'WHATSAPP_VERIFY_TOKEN' })
  @ApiQuery({ name: 'hub.mode', required: true, schema: { type: 'string', enum: ['subscribe'] } })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'The challenge, as is', schema: { type: 'string', example: '1158201444' } })
  @ApiForbiddenResponse({ description: 'Not `subscribe`, or not our verify token', type: ProblemDetails })
  @ApiNotFoundResponse({ description: 'WHATSAPP_VERIFY_TOKEN is not configured: the webhook is off', type: ProblemDetails })
  handshake(@Query() query: Record<string, unknown>): string {
    return this.whatsapp.handshake(query['hub.mode'], query['hub.verify_token'], query['hub.challenge']);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: "Meta's WhatsApp notifications (signed): statuses sent → delivered → read or failed, and messages people send",
    description:
      "Verified with X-Hub-Signature-256 (HMAC-SHA256 of the raw body with WHATSAPP_APP_SECRET) before anything is read. Routed to the business by metadata.phone_number_id. Statuses move the message they name (biz_opaque_callback_data, else the wamid) forward only, so repeats and out-of-order arrivals end in the furthest state; inbound messages open the 24-hour service window, go on the customer timeline, and STOP / הסר withdraws the phone's marketing consent. Each status and message applies once.",
  })
  @ApiConsumes('application/json')
  @ApiBody({ type: WhatsAppNotificationDto })
  @ApiHeader({
    name: HUB_SIGNATURE_HEADER,
    required: true,
    description: '`sha256=` and the hex HMAC-SHA256 of the raw body with the app secret',
  })
  @ApiOkResponse({ type: WhatsAppReceiptDto })
  @ApiBadRequestResponse({ description: 'A verified body that is not a JSON object', type: ProblemDetails })
  @ApiUnauthorizedResponse({
    description: `No ${HUB_SIGNATURE_HEADER}, or one that does not verify: nothing changes`,
    type: ProblemDetails,
  })
  @ApiNotFoundResponse({ description: 'WHATSAPP_APP_SECRET is not configured: the webhook is off', type: ProblemDetails })
  notify(@Req() req: Request, @Headers(HUB_SIGNATURE_HEADER) signature?: string): Promise<WhatsAppReceiptDto> {
    this.whatsapp.verify(req.rawBody, signature);
    return this.whatsapp.notify(req.body);
  }
}
