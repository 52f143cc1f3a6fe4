import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor';
import { paginated, type Paginated } from '../../common/pagination/paginated';
import { AppException, NotFoundAppException } from '../../common/problem/app.exception';
import { TransactionRunner } from '../../infra/database/transaction.runner';
import { CustomersService } from '../customers/customers.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import type { CreatePaymentDto, PaymentDetailDto, GatewayPaymentDto, PaymentEventDto, PaymentQueryDto } from './dto/payment.dto';
import type { PaymentEvent } from './entities/payment-event.entity';
import type { Payment } from './entities/payment.entity';
import { PAYMENT_GATEWAYS, type PaymentGateways } from './gateways/payment-gateway.port';
import { PaymentEventsRepository } from './payment-events.repository';
import { PaymentsRepository } from './payments.repository';
import { PaymentSettingsService } from './settings/payment-settings.service';

type Answer = { body: GatewayPaymentDto; replayed: boolean };

/**
 * Payments asked of customers: a `pending` payment and its hosted page at the
 * business's gateway, created in one transaction with the Idempotency-Key claim
 * (a gateway that fails leaves nothing behind; a page without a payment is
 * never shown to anyone).
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly payments: PaymentsRepository,
    private readonly events: PaymentEventsRepository,
    private readonly settings: PaymentSettingsService,
    private readonly customers: CustomersService,
    private readonly idempotency: IdempotencyService,
    private readonly tx: TransactionRunner,
    @Inject(PAYMENT_GATEWAYS) private readonly gateways: PaymentGateways,
  ) {}

  async create(actor: Actor, dto: CreatePaymentDto, key: string | undefined): Promise<Answer> {
    const businessId = actor.businessId;
    const idem = this.idempotency.request('payments.create', key, dto);
    const prior = await this.idempotency.replay(businessId, idem);
    if (prior) return { body: prior.body as GatewayPaymentDto, replayed: true };
    if (dto.lines?.length && dto.lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0) !== dto.amount) {
      throw new AppException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'payment.lines_total',
        'The lines (quantity × unitPrice) must add up to amount',
        [{ field: 'lines', message: 'must add up to amount' }],
      );
    }
    const customer = await this.customers.getSummary(businessId, dto.customerId);
    if (!customer) throw new NotFoundAppException('customer', dto.customerId);
    const gateway = await this.settings.active(businessId);
    const driver = this.gateways.for(gateway.provider);
    const outcome = await this.tx.run(async (em): Promise<{ replay: GatewayPaymentDto } | { body: GatewayPaymentDto }> => {
      if (idem) {
        const claimed = await this.idempotency.claim(em, businessId, idem);
        if (claimed) return { replay: claimed.body as GatewayPaymentDto };
      }
      const payments = this.payments.withManager(em);
      const payment = await payments.insert(businessId, {
        customerId: dto.customerId,
        amountAgorot: dto.amount,
        description: dto.description,
        lines: dto.lines?.map((l) => ({ description: l.description, quantity: l.quantity, unitPriceAgorot: l.unitPrice })) ?? null,
        installments: dto.installments ?? 1,
        provider: gateway.provider,
        successUrl: dto.successUrl ?? null,
        failureUrl: dto.failureUrl ?? null,
      });
      const page = await driver.createPage(
        { businessId, credentials: gateway.credentials },
        {
          reference: payment.id,
          amountAgorot: payment.amountAgorot,
          currency: payment.currency,
          description: payment.description,
          installments: payment.installments,
          payer: { name: [customer.firstName, customer.lastName].filter(Boolean).join(' '), email: customer.email, phone: customer.phone },
          successUrl: dto.successUrl ?? `${this.settings.publicUrl}/payments/return?payment=${payment.id}&result=success`,
          failureUrl: dto.failureUrl ?? `${this.settings.publicUrl}/payments/return?payment=${payment.id}&result=failure`,
          notifyUrl: gateway.notifyUrl,
        },
      );
      payment.gatewayReference = page.gatewayReference;
      payment.pageUrl = page.url;
      await payments.save(businessId, payment);
      await this.events.withManager(em).record(businessId, payment.id, 'created', { by: actor.name, amount: payment.amountAgorot });
      const body = toDto(payment);
      if (idem) await this.idempotency.complete(em, businessId, idem, { status: 201, body });
      return { body };
    });
    if ('replay' in outcome) return { body: outcome.replay, replayed: true };
    return { body: outcome.body, replayed: false };
  }

  async list(businessId: string, q: PaymentQueryDto): Promise<Paginated<GatewayPaymentDto>> {
    const [rows, total] = await this.payments.list(businessId, q);
    return paginated(rows.map(toDto), q, total);
  }

  /** The payment and its history; 404 for another business's. */
  async get(businessId: string, id: string): Promise<PaymentDetailDto> {
    const payment = await this.payments.findById(businessId, id);
    if (!payment) throw new NotFoundAppException('payment', id);
    const history = await this.events.history(businessId, id);
    return { ...toDto(payment), events: history.map(toEventDto) };
  }
}

function toDto(p: Payment): GatewayPaymentDto {
  return {
    id: p.id,
    customerId: p.customerId,
    amount: p.amountAgorot,
    currency: p.currency,
    description: p.description,
    lines: p.lines?.map((l) => ({ description: l.description, quantity: l.quantity, unitPrice: l.unitPriceAgorot })) ?? null,
    installments: p.installments,
    provider: p.provider,
    status: p.status,
    pageUrl: p.status === 'pending' ? p.pageUrl : null,
    createdAt: p.createdAt.toISOString(),
  };
}

function toEventDto(e: PaymentEvent): PaymentEventDto {
  return { type: e.type, detail: e.detail, at: e.createdAt.toISOString() };
}
