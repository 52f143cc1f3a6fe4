import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiServiceUnavailableResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../common/auth/actor';
import { ApiAuth, CurrentActor, CurrentBusiness, Roles } from '../../common/auth/auth.decorators';
import { ApiPaginatedResponse, Paginated } from '../../common/pagination/paginated';
import { ProblemDetails } from '../../common/problem/problem-details';
import { Activity } from '../activity/activity.decorator';
import {
  CreatePaymentDto,
  PaymentDetailDto,
  GatewayPaymentDto,
  PaymentLinkSentDto,
  PaymentQueryDto,
  RefundPaymentDto,
  SendPaymentLinkDto,
} from './dto/payment.dto';
import { PaymentRefundsService } from './payment-refunds.service';
import { PaymentsService } from './payments.service';
import { Role } from '../../common/auth/role';
import { ApiIdempotencyKey, markReplayed } from '../idempotency/idempotency.http';

@ApiTags('payments')
@ApiAuth()
@ApiNotFoundResponse({ type: ProblemDetails, description: 'No such payment (or customer) in this business' })
@Controller('payments')
export class PaymentsController {
  constructor(
    private readonly payments: PaymentsService,
    private readonly refunds: PaymentRefundsService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Payments, newest first: filters status, customer, provider, date range (created, UTC dates)' })
  @ApiPaginatedResponse(GatewayPaymentDto)
  @ApiBadRequestResponse({ type: ProblemDetails })
  list(@CurrentBusiness() businessId: string, @Query() q: PaymentQueryDto): Promise<Paginated<GatewayPaymentDto>> {
    return this.payments.list(businessId, q);
  }

  @Post()
  @Activity('payment.create', 'payment')
  @ApiOperation({ summary: "Ask a customer for a payment: a pending payment and a hosted page at the business's gateway" })
  @ApiIdempotencyKey('payment')
  @ApiCreatedResponse({ type: GatewayPaymentDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiUnprocessableEntityResponse({
    type: ProblemDetails,
    description: 'Lines that do not add up to amount, a gateway without credentials or that refused the page, or Idempotency-Key reused',
  })
  @ApiServiceUnavailableResponse({ type: ProblemDetails, description: 'The gateway did not answer: nothing was kept, try again' })
  async create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreatePaymentDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GatewayPaymentDto> {
    const { body, replayed } = await this.payments.create(actor, dto, key);
    markReplayed(res, replayed);
    return body;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One payment with its history' })
  @ApiOkResponse({ type: PaymentDetailDto })
  get(@CurrentBusiness() businessId: string, @Param('id', ParseUUIDPipe) id: string): Promise<PaymentDetailDto> {
    return this.payments.get(businessId, id);
  }

  @Post(':id/refund')
  @HttpCode(200)
  @Roles(Role.owner, Role.admin)
  @Activity('payment.refund', 'payment')
  @ApiOperation({
    summary: 'Refund all or part of a paid payment through its gateway (once per request), then a credit note is issued',
  })
  @ApiIdempotencyKey('refund')
  @ApiOkResponse({ type: PaymentDetailDto, description: 'The payment after the refund, with its refunds' })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The payment is not paid (pending, failed, refunded…)' })
  @ApiUnprocessableEntityResponse({ type: ProblemDetails, description: 'More than is left to refund, or the gateway refused' })
  @ApiServiceUnavailableResponse({
    type: ProblemDetails,
    description: 'The gateway did not answer: the refund stays requested and the payment is flagged for a person to check',
  })
  async refund(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RefundPaymentDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PaymentDetailDto> {
    const { body, replayed } = await this.refunds.refund(actor, id, dto, key);
    markReplayed(res, replayed);
    return body;
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Activity('payment.cancel', 'payment')
  @ApiOperation({ summary: 'Cancel a pending payment (its page no longer pays it; a payment made there anyway is flagged)' })
  @ApiOkResponse({ type: GatewayPaymentDto })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The payment is not pending' })
  cancel(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<GatewayPaymentDto> {
    return this.payments.cancel(actor, id);
  }

  @Post(':id/send')
  @HttpCode(202)
  @Activity('payment.send_link', 'payment')
  @ApiOperation({ summary: "Send the customer the payment page's link by email or SMS (queued in the message log)" })
  @ApiResponse({ status: 202, type: PaymentLinkSentDto })
  @ApiBadRequestResponse({ type: ProblemDetails })
  @ApiConflictResponse({ type: ProblemDetails, description: 'The payment is not pending' })
  @ApiUnprocessableEntityResponse({ type: ProblemDetails, description: 'The customer has no email address or phone for the channel' })
  sendLink(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SendPaymentLinkDto,
  ): Promise<PaymentLinkSentDto> {
    return this.payments.sendLink(actor, id, dto.channel);
  }
}
