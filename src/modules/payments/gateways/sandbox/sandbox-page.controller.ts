import { Body, Controller, Get, Header, Logger, Param, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../../../common/auth/auth.decorators';
import { NotFoundAppException } from '../../../../common/problem/app.exception';
import { ProblemDetails } from '../../../../common/problem/problem-details';
import { PublicReadThrottle } from '../../../../common/http/public-throttle';
import { SandboxCardDto } from './sandbox-card.dto';
import { sandboxPayPage } from './sandbox-page.html';
import { SandboxPaymentGateway } from './sandbox.payment-gateway';

/** How long the sandbox waits for our webhook to take its notification. */
const NOTIFY_TIMEOUT_MS = 5_000;

/**
 * The sandbox gateway's side, served by the app outside /api: the hosted page a
 * payer opens and the card form's submission, which notifies our webhook (an
 * unsigned JSON POST, as a real gateway would) and then redirects the payer.
 * Outside /api: it plays an outside gateway.
 */
@ApiTags('sandbox gateway')
@ApiNotFoundResponse({ type: ProblemDetails, description: 'No such payment page' })
@Public()
@Controller('sandbox/pay')
export class SandboxPageController {
  private readonly logger = new Logger('SandboxGateway');

  constructor(private readonly sandbox: SandboxPaymentGateway) {}

  @Get(':token')
  @PublicReadThrottle()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "The sandbox gateway's hosted payment page (Hebrew, right to left, a card form)" })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The page', content: { 'text/html': { schema: { type: 'string' } } } })
  async page(@Param('token') token: string): Promise<string> {
    const tx = await this.sandbox.page(token);
    if (!tx) throw new NotFoundAppException('payment_page');
    return sandboxPayPage(tx);
  }

  // The API-wide rate limit only: a sandbox page is paid many times a minute in tests and benchmarks, and holds no real card.
  @Post(':token')
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiOperation({
    summary:
      'Pay on the sandbox page: 4580000000000000 approves, 4000000000000002 declines, 4000000000009995 has insufficient funds; notifies the webhook, then redirects',
  })
  @ApiResponse({
    status: 303,
    description: 'To the success or failure URL',
    headers: { Location: { description: 'The success or failure URL', schema: { type: 'string' } } },
  })
  @ApiBadRequestResponse({ type: ProblemDetails })
  async submit(@Param('token') token: string, @Body() card: SandboxCardDto, @Res() res: Response): Promise<void> {
    const submission = await this.sandbox.submit(token, card.cardNumber);
    if (!submission) throw new NotFoundAppException('payment_page');
    if (submission.notify) {
      try {
        const answer = await fetch(submission.notify.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(submission.notify.body),
          signal: AbortSignal.timeout(NOTIFY_TIMEOUT_MS),
        });
        if (!answer.ok) this.logger.warn(`The webhook answered ${answer.status} to a sandbox notification`);
      } catch (err) {
        this.logger.warn(`The sandbox notification did not reach the webhook: ${(err as Error).message}`);
      }
    }
    res.status(303).location(submission.redirectUrl).end();
  }
}
