import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Request } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { ProblemDetails } from '../../../common/problem/problem-details';
import { SendGridEventDto, SendGridEventsReceiptDto } from './dto/sendgrid-event.dto';
import { SENDGRID_SIGNATURE_HEADER, SENDGRID_TIMESTAMP_HEADER, SendGridWebhooksService } from './sendgrid-webhooks.service';
import { WEBHOOK_ROUTES } from './webhook-urls';

/** SendGrid calls this (a public route, no login; each batch must carry SendGrid's signature). Not rate limited, like Twilio's. */
@ApiTags('webhooks')
@Public()
@SkipThrottle()
@Controller(WEBHOOK_ROUTES.sendgrid)
export class SendGridWebhooksController {
  constructor(private readonly sendgrid: SendGridWebhooksService) {}

  @Post(WEBHOOK_ROUTES.sendgridEvents)
  @HttpCode(200)
  @ApiOperation({
    summary: "SendGrid's Event Webhook (signed): deliveries, bounces, drops, unsubscribes and spam reports",
    description:
      'Verified with SENDGRID_WEBHOOK_PUBLIC_KEY (ECDSA P-256 / SHA-256 over the timestamp header and the raw body) and refused outside SENDGRID_WEBHOOK_MAX_AGE_SECONDS. Events find their message through the custom_args each mail is sent with (businessId, messageId, messageAttempt) and are applied once per sg_event_id; statuses only move forward (a `delivered` after a bounce changes nothing).',
  })
  @ApiConsumes('application/json')
  @ApiBody({ type: SendGridEventDto, isArray: true })
  @ApiHeader({
    name: SENDGRID_SIGNATURE_HEADER,
    required: true,
    description: 'Base64 DER ECDSA signature of the timestamp followed by the body',
  })
  @ApiHeader({ name: SENDGRID_TIMESTAMP_HEADER, required: true, description: 'Unix seconds when SendGrid signed the batch' })
  @ApiOkResponse({ type: SendGridEventsReceiptDto })
  @ApiBadRequestResponse({ description: 'A verified body that is not a JSON array of events', type: ProblemDetails })
  @ApiUnauthorizedResponse({
    description: 'No signature or timestamp, or a signature that does not verify: nothing changes',
    type: ProblemDetails,
  })
  @ApiForbiddenResponse({
    description: 'A valid signature on a timestamp out of the accepted window (a replay): nothing changes',
    type: ProblemDetails,
  })
  @ApiNotFoundResponse({ description: 'SENDGRID_WEBHOOK_PUBLIC_KEY is not configured: the webhook is off', type: ProblemDetails })
  events(
    @Req() req: Request,
    @Headers(SENDGRID_SIGNATURE_HEADER) signature?: string,
    @Headers(SENDGRID_TIMESTAMP_HEADER) timestamp?: string,
  ): Promise<SendGridEventsReceiptDto> {
    this.sendgrid.verify(req.rawBody, signature, timestamp);
    return this.sendgrid.events(req.body);
  }
}
