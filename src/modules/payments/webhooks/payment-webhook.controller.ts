import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConsumes, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Request } from 'express';
import { Public } from '../../../common/auth/auth.decorators';
import { ProblemDetails } from '../../../common/problem/problem-details';
import { PaymentProvider } from '../../../infra/config/env.schema';
import { PaymentWebhookAnswerDto } from '../dto/payment.dto';
import { PaymentInboxService } from './payment-inbox.service';

/**
 * Where the gateways notify us (public: the gateways cannot log in, and none of
 * them signs its calls). The business's unguessable, rotatable token in the
 * path names the business; the notification is filed and answered at once,
 * then verified by asking the gateway. Not rate limited: a refused
 * notification is a payment we would learn about late.
 */
@ApiTags('webhooks')
@Public()
@SkipThrottle()
@Controller('webhooks/payments')
export class PaymentWebhookController {
  constructor(private readonly inbox: PaymentInboxService) {}

  @Post(':provider/:businessToken')
  @HttpCode(200)
  @ApiOperation({
    summary: "A gateway's payment notification (Cardcom JSON, Grow and Tranzila forms, the sandbox's JSON)",
    description:
      "The URL is the business's webhookUrl from GET /api/business/payment-settings. The notification is stored as received (one per transaction: repeats are counted, not filed again) and answered 200 at once; a job then asks the gateway about the transaction: the payment is paid only when the gateway says approved and the amount and our reference match; otherwise it is flagged for review with the reason.",
  })
  @ApiParam({ name: 'provider', enum: PaymentProvider })
  @ApiParam({ name: 'businessToken', description: "The business's webhook token (secret; rotate it from the payment settings)" })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiOkResponse({ type: PaymentWebhookAnswerDto, description: 'Filed; it will be verified with the gateway' })
  @ApiBadRequestResponse({ type: ProblemDetails, description: "Not one of this gateway's notifications" })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'No business has this token (or no such provider): nothing changes' })
  async notify(
    @Param('provider') provider: string,
    @Param('businessToken') token: string,
    @Req() req: Request,
  ): Promise<PaymentWebhookAnswerDto> {
    await this.inbox.receive({ provider, token, body: req.body, raw: req.rawBody, contentType: req.headers['content-type'] });
    return { received: true };
  }
}
