import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../common/auth/actor';
import { eventActor } from '../../common/domain-events/event-actor';
import { paginated, type Paginated } from '../../common/pagination/paginated';
import { AppException, NotFoundAppException } from '../../common/problem/app.exception';
import { TransactionRunner } from '../../infra/database/transaction.runner';
import { AppointmentsService } from '../appointments/appointments.service';
import { RegistrationsService } from '../business-events/registrations.service';
import { CustomersService } from '../customers/customers.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../../infra/config/app-config';
import { NotificationsService } from '../notifications/notifications.service';
import { Channel, MessageKind, TemplateKey } from '../notifications/notification.types';
import {
  type CreatePaymentDto,
  type PaymentDetailDto,
  type GatewayPaymentDto,
  type PaymentLinkSentDto,
  type PaymentQueryDto,
  PaymentLinkChannel,
} from './dto/payment.dto';
import { PAYMENT_CURRENCY as CURRENCY, PaymentStatus } from './entities/payment.entity';
import {
  GatewayError,
  PAYMENT_GATEWAYS,
  type GatewayContext,
  type HostedPage,
  type HostedPageRequest,
  type PaymentGateway,
  type PaymentGateways,
} from './gateways/payment-gateway.port';
import { PaymentEventsRepository } from './payment-events.repository';
import { PaymentRefundsRepository } from './payment-refunds.repository';
import { nextPoll } from './payment-schedule';
import { toEventDto, toPaymentDto, toRefundDto } from './payment.mapper';
import { PaymentsRepository } from './payments.repository';
import { PaymentSettingsService } from './settings/payment-settings.service';

type Answer = { body: GatewayPaymentDto; replayed: boolean };

/**
 * Payments asked of customers: the hosted page at the business's gateway first
 * (no transaction open while the gateway answers), then the `pending` payment
 * in one transaction with the Idempotency-Key claim. A gateway that fails
 * leaves nothing behind; a page whose payment was not kept is shown to nobody.
 */
@Injectable()
export class PaymentsService {
  private readonly expiryMs: number;
  private readonly sweepIntervalMs: number;

  constructor(
    private readonly payments: PaymentsRepository,
    private readonly events: PaymentEventsRepository,
    private readonly refunds: PaymentRefundsRepository,
    private readonly notifications: NotificationsService,
    private readonly settings: PaymentSettingsService,
    private readonly customers: CustomersService,
    private readonly appointments: AppointmentsService,
    private readonly registrations: RegistrationsService,
    private readonly idempotency: IdempotencyService,
    private readonly tx: TransactionRunner,
    @Inject(PAYMENT_GATEWAYS) private readonly gateways: PaymentGateways,
    @Inject(ConfigService) config: AppConfig,
  ) {
    this.expiryMs = config.get('PAYMENT_EXPIRY_MINUTES', { infer: true }) * 60_000;
    this.sweepIntervalMs = config.get('PAYMENT_SWEEP_INTERVAL_MS', { infer: true });
  }

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
    const customerId =
      dto.customerId ??
      (await this.customers.matchOrCreate(businessId, { ...dto.customer!, source: 'payment' }, { by: eventActor(actor) })).id;
    const customer = await this.customers.getSummary(businessId, customerId);
    if (!customer) throw new NotFoundAppException('customer', customerId);
    await this.checkPaysFor(businessId, customerId, dto);
    const gateway = await this.settings.active(businessId);
    if ((dto.installments ?? 1) > gateway.maxInstallments)
      throw new AppException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'payment.too_many_installments',
        `The business allows at most ${gateway.maxInstallments} installments (payment settings: maxInstallments)`,
        [{ field: 'installments', message: `must be at most ${gateway.maxInstallments}` }],
      );
    // The page first, outside any transaction: a gateway call must not hold a database connection (and
    // the sandbox's ledger needs one of its own). A page whose payment is then not kept (a concurrent
    // duplicate won the Idempotency-Key) is shown to nobody and expires at the gateway.
    const id = randomUUID();
    const page = await this.pageAt(
      this.gateways.for(gateway.provider),
      gateway.provider,
      { businessId, credentials: gateway.credentials },
      {
        reference: id,
        amountAgorot: dto.amount,
        currency: CURRENCY,
        description: dto.description,
        installments: dto.installments ?? 1,
        payer: { name: [customer.firstName, customer.lastName].filter(Boolean).join(' '), email: customer.email, phone: customer.phone },
        successUrl: dto.successUrl ?? `${this.settings.publicUrl}/payments/return?payment=${id}&result=success`,
        failureUrl: dto.failureUrl ?? `${this.settings.publicUrl}/payments/return?payment=${id}&result=failure`,
        notifyUrl: gateway.notifyUrl,
      },
    );
    const outcome = await this.tx.run(async (em): Promise<{ replay: GatewayPaymentDto } | { body: GatewayPaymentDto }> => {
      if (idem) {
        const claimed = await this.idempotency.claim(em, businessId, idem);
        if (claimed) return { replay: claimed.body as GatewayPaymentDto };
      }
      const now = new Date();
      const payment = await this.payments.withManager(em).insert(businessId, {
        id,
        expiresAt: new Date(now.getTime() + this.expiryMs),
        nextCheckAt: nextPoll(now, 0, this.sweepIntervalMs),
        customerId,
        amountAgorot: dto.amount,
        currency: CURRENCY,
        description: dto.description,
        lines: dto.lines?.map((l) => ({ description: l.description, quantity: l.quantity, unitPriceAgorot: l.unitPrice })) ?? null,
        installments: dto.installments ?? 1,
        provider: gateway.provider,
        gatewayReference: page.gatewayReference,
        pageUrl: page.url,
        successUrl: dto.successUrl ?? null,
        failureUrl: dto.failureUrl ?? null,
        appointmentId: dto.appointmentId ?? null,
        registrationId: dto.registrationId ?? null,
      });
      await this.events.withManager(em).record(businessId, payment.id, 'created', { by: actor.name, amount: payment.amountAgorot });
      const body = toPaymentDto(payment);
      if (idem) await this.idempotency.complete(em, businessId, idem, { status: 201, body });
      return { body };
    });
    if ('replay' in outcome) return { body: outcome.replay, replayed: true };
    return { body: outcome.body, replayed: false };
  }

  async list(businessId: string, q: PaymentQueryDto): Promise<Paginated<GatewayPaymentDto>> {
    const [rows, total] = await this.payments.list(businessId, q);
    return paginated(rows.map(toPaymentDto), q, total);
  }

  /** The payment and its history; 404 for another business's. */
  async get(businessId: string, id: string): Promise<PaymentDetailDto> {
    const payment = await this.payments.findById(businessId, id);
    if (!payment) throw new NotFoundAppException('payment', id);
    const [history, refunds] = await Promise.all([this.events.history(businessId, id), this.refunds.forPayment(businessId, id)]);
    return { ...toPaymentDto(payment), events: history.map(toEventDto), refunds: refunds.map(toRefundDto) };
  }

  /** Cancels a pending payment (its page stops counting: a later payment on it is flagged for review); 409 otherwise. */
  async cancel(actor: Actor, id: string): Promise<GatewayPaymentDto> {
    const cancelled = await this.payments.finish(actor.businessId, id, PaymentStatus.cancelled);
    if (!cancelled) {
      const payment = await this.payments.findById(actor.businessId, id);
      if (!payment) throw new NotFoundAppException('payment', id);
      throw new AppException(
        HttpStatus.CONFLICT,
        'payment.not_pending',
        `Only a pending payment can be cancelled; this one is ${payment.status}`,
      );
    }
    await this.events.record(actor.businessId, id, 'cancelled', { by: actor.name });
    return toPaymentDto(cancelled);
  }

  /** Sends the customer the payment's page link by email or SMS (transactional; the message log has it). 409 unless pending. */
  async sendLink(actor: Actor, id: string, channel: PaymentLinkChannel): Promise<PaymentLinkSentDto> {
    const payment = await this.payments.findById(actor.businessId, id);
    if (!payment) throw new NotFoundAppException('payment', id);
    if (payment.status !== PaymentStatus.pending || !payment.pageUrl)
      throw new AppException(
        HttpStatus.CONFLICT,
        'payment.not_pending',
        `Only a pending payment's link can be sent; this one is ${payment.status}`,
      );
    const { message } = await this.notifications.send(actor.businessId, {
      channel: channel === PaymentLinkChannel.sms ? Channel.sms : Channel.email,
      kind: MessageKind.transactional,
      customerId: payment.customerId,
      template: TemplateKey.paymentRequest,
      variables: {
        'payment.amount': payment.amountAgorot,
        'payment.description': payment.description,
        'payment.url': payment.pageUrl,
        'payment.expiresAt': (payment.expiresAt ?? new Date()).toISOString(),
      },
    });
    await this.events.record(actor.businessId, id, 'link_sent', { by: actor.name, channel, to: message.to, messageId: message.id });
    return { messageId: message.id, to: message.to, status: message.status };
  }

  /** The gateway's page; its refusal is 422 with its reason, no answer is 503 (nothing is kept either way). */
  private async pageAt(driver: PaymentGateway, provider: string, ctx: GatewayContext, request: HostedPageRequest): Promise<HostedPage> {
    try {
      return await driver.createPage(ctx, request);
    } catch (err) {
      if (!(err instanceof GatewayError)) throw err;
      if (err.temporary)
        throw new AppException(
          HttpStatus.SERVICE_UNAVAILABLE,
          'payment.gateway_unavailable',
          `${provider} did not answer; try again shortly`,
        );
      throw new AppException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'payment.gateway_refused',
        `${provider} refused the payment page: ${err.message}`,
      );
    }
  }

  /** The appointment or registration a payment is for: the business's, the same customer's, not cancelled, not paid already. */
  private async checkPaysFor(businessId: string, customerId: string, dto: CreatePaymentDto): Promise<void> {
    if (dto.appointmentId && dto.registrationId)
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        'payment.one_purpose',
        'A payment pays for an appointment or a registration, not both',
        [{ field: 'registrationId', message: 'not with appointmentId' }],
      );
    const [kind, id, record] = dto.appointmentId
      ? (['appointment', dto.appointmentId, await this.appointments.payable(businessId, dto.appointmentId)] as const)
      : dto.registrationId
        ? (['registration', dto.registrationId, await this.registrations.payable(businessId, dto.registrationId)] as const)
        : [null, null, null];
    if (!kind) return;
    const field = kind === 'appointment' ? 'appointmentId' : 'registrationId';
    if (!record) throw new NotFoundAppException(kind, id);
    const refuse = (code: string, message: string) =>
      new AppException(HttpStatus.UNPROCESSABLE_ENTITY, code, message, [{ field, message }]);
    if (record.customerId !== customerId) throw refuse('payment.other_customer', `The ${kind} is another customer's`);
    if (record.cancelled) throw refuse('payment.cancelled_purpose', `The ${kind} is cancelled`);
    if (record.paid) throw refuse('payment.already_paid', `The ${kind} is paid already`);
  }
}
