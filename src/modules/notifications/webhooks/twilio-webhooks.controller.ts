import { Controller, Header, Headers, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiNoContentResponse,
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
import { TwilioInboundSmsDto, TwilioStatusCallbackDto } from './dto/twilio-webhook.dto';
import type { FormParams } from './twilio-signature';
import { TWILIO_SIGNATURE_HEADER, TwilioWebhooksService } from './twilio-webhooks.service';
import { STATUS_CALLBACK_PARAMS, WEBHOOK_ROUTES } from './webhook-urls';

const FORM = 'application/x-www-form-urlencoded';

/** Twilio answers nothing back to the sender when the reply is an empty TwiML document. */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/** The verified form: what urlencoded parsing made of the body (nothing for an empty one). */
const formOf = (req: Request): FormParams => (req.body && typeof req.body === 'object' ? (req.body as FormParams) : {});

const signatureHeader = ApiHeader({
  name: TWILIO_SIGNATURE_HEADER,
  required: true,
  description: 'HMAC-SHA1 (base64) with TWILIO_AUTH_TOKEN over PUBLIC_URL + path + query as called, then the sorted form parameters',
});
const unsigned = ApiUnauthorizedResponse({
  description: `No ${TWILIO_SIGNATURE_HEADER}, or not Twilio's for this URL and form: nothing changes`,
  type: ProblemDetails,
});
const notConfigured = ApiNotFoundResponse({ description: 'TWILIO_AUTH_TOKEN is not configured: the webhook is off', type: ProblemDetails });

/**
 * Twilio calls these (public routes, no login; each request must carry
 * Twilio's signature). Not rate limited: a campaign's status callbacks come
 * in bursts from a few Twilio addresses, and a refused callback is never sent again.
 */
@ApiTags('webhooks')
@Public()
@SkipThrottle()
@Controller(WEBHOOK_ROUTES.twilio)
export class TwilioWebhooksController {
  constructor(private readonly twilio: TwilioWebhooksService) {}

  @Post(WEBHOOK_ROUTES.twilioStatus)
  @HttpCode(204)
  @ApiOperation({
    summary: "Twilio's delivery report for an SMS we sent (the message's StatusCallback)",
    description:
      'Every SMS goes out with `StatusCallback` = PUBLIC_URL/api/webhooks/twilio/status?b={businessId}&m={messageId}&a={attempt}. `delivered` marks the message delivered, `failed` and `undelivered` failed (with ErrorCode in lastError); other statuses, repeats and reports of an earlier attempt change nothing. Statuses only move forward.',
  })
  @ApiConsumes(FORM)
  @ApiBody({ type: TwilioStatusCallbackDto })
  @signatureHeader
  // Decorators apply bottom-up: listed in reverse so the document shows b, m, a.
  @ApiQuery({
    name: STATUS_CALLBACK_PARAMS.attempt,
    required: true,
    schema: { type: 'integer', minimum: 1 },
    description: 'The sending attempt',
  })
  @ApiQuery({
    name: STATUS_CALLBACK_PARAMS.messageId,
    required: true,
    schema: { type: 'string', format: 'uuid' },
    description: 'The message',
  })
  @ApiQuery({
    name: STATUS_CALLBACK_PARAMS.businessId,
    required: true,
    schema: { type: 'string', format: 'uuid' },
    description: 'The business',
  })
  @ApiNoContentResponse({ description: 'Taken (also when it changes nothing)' })
  @unsigned
  @notConfigured
  async status(@Req() req: Request, @Headers(TWILIO_SIGNATURE_HEADER) signature?: string): Promise<void> {
    const params = formOf(req);
    this.twilio.verify(req.originalUrl, signature, params);
    await this.twilio.status(req.query, params);
  }

  @Post(WEBHOOK_ROUTES.twilioInbound)
  @HttpCode(200)
  @Header('Content-Type', 'text/xml; charset=utf-8')
  @ApiOperation({
    summary: 'An SMS sent to our number (Twilio\'s "A message comes in" webhook): STOP or הסר unsubscribes the sender',
    description:
      "An opt-out keyword withdraws the phone's marketing SMS consent (customer) and unsubscribes its SMS (subscriber) in the businesses that send from the number written to; for the shared sender (TWILIO_FROM, the Messaging Service) or a number no business uses, in every business that has the phone. Repeats change nothing. The answer is empty TwiML: Twilio replies nothing.",
  })
  @ApiConsumes(FORM)
  @ApiBody({ type: TwilioInboundSmsDto })
  @signatureHeader
  @ApiProduces('text/xml')
  @ApiOkResponse({ description: 'Empty TwiML (`<Response/>`)', schema: { type: 'string', example: EMPTY_TWIML } })
  @unsigned
  @notConfigured
  async inbound(@Req() req: Request, @Headers(TWILIO_SIGNATURE_HEADER) signature?: string): Promise<string> {
    const params = formOf(req);
    this.twilio.verify(req.originalUrl, signature, params);
    await this.twilio.inbound(params);
    return EMPTY_TWIML;
  }
}
