import { Controller, Get, Header, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/auth.decorators';
import { PublicReadThrottle } from '../../common/http/public-throttle';
import { NotFoundAppException } from '../../common/problem/app.exception';
import { ProblemDetails } from '../../common/problem/problem-details';
import { paymentReturnPage } from './payment-return.html';
import { PaymentsRepository } from './payments.repository';

/** The payer's landing page after a gateway (outside /api: a page for people, like the sandbox's). */
@ApiTags('payments')
@Public()
@Controller('payments/return')
export class PaymentReturnController {
  constructor(private readonly payments: PaymentsRepository) {}

  @Get()
  @PublicReadThrottle()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      "Where a payer lands after the gateway's page when the payment has no successUrl/failureUrl (Hebrew, right to left): the verified status, not the redirect's word",
  })
  @ApiQuery({ name: 'payment', required: true, schema: { type: 'string', format: 'uuid' } })
  @ApiQuery({
    name: 'result',
    required: false,
    schema: { type: 'string', enum: ['success', 'failure'] },
    description: 'What the gateway said; shown only after our own check',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'The page', content: { 'text/html': { schema: { type: 'string' } } } })
  @ApiNotFoundResponse({ type: ProblemDetails, description: 'No such payment' })
  async page(@Query('payment', ParseUUIDPipe) id: string): Promise<string> {
    const payment = await this.payments.forPayer(id);
    if (!payment) throw new NotFoundAppException('payment', id);
    return paymentReturnPage(payment);
  }
}
