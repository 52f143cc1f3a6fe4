import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../../common/auth/actor';
import { ApiAuth, CurrentActor, CurrentBusiness } from '../../common/auth/auth.decorators';
import { ApiPaginatedResponse, Paginated } from '../../common/pagination/paginated';
import { ProblemDetails } from '../../common/problem/problem-details';
import { Activity } from '../activity/activity.decorator';
import { CreatePaymentDto, PaymentDetailDto, GatewayPaymentDto, PaymentQueryDto } from './dto/payment.dto';
import { PaymentsService } from './payments.service';
import { ApiIdempotencyKey, markReplayed } from '../idempotency/idempotency.http';

@ApiTags('payments')
@ApiAuth()
@ApiNotFoundResponse({ type: ProblemDetails, description: 'No such payment (or customer) in this business' })
@Controller('payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

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
    description: 'Lines that do not add up to amount, a gateway without credentials or not available, or Idempotency-Key reused',
  })
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
}
