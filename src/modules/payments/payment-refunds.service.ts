import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../../infra/config/app-config';
import type { Actor } from '../../common/auth/actor';
import { AppException, NotFoundAppException } from '../../common/problem/app.exception';
import { TransactionRunner } from '../../infra/database/transaction.runner';
import { JobQueueService } from '../../infra/queue/job-queue.service';
import { JobName } from '../../infra/queue/job-names';
import { IdempotencyService } from '../idempotency/idempotency.service';
import type { PaymentDetailDto, RefundPaymentDto } from './dto/payment.dto';
import { RefundStatus } from './entities/payment-refund.entity';
import { PaymentStatus } from './entities/payment.entity';
import { GatewayError, PAYMENT_GATEWAYS, type PaymentGateways } from './gateways/payment-gateway.port';
import { PaymentEventsRepository } from './payment-events.repository';
import { PaymentRefundsRepository } from './payment-refunds.repository';
import { nextResume } from './payment-schedule';
import { PaymentsRepository } from './payments.repository';
import { PaymentsService } from './payments.service';
import { PaymentSettingsService } from './settings/payment-settings.service';

const REFUNDABLE = new Set([PaymentStatus.paid, PaymentStatus.partially_refunded]);
const shekels = (agorot: number) => (agorot / 100).toFixed(2);

/**
 * Refunds, in two steps around one gateway call: the refund is recorded as
 * `requested` under the payment's row lock (so refunds never add up to more
 * than was paid, even when they race), then the gateway is asked once, then its
 * answer is recorded and the credit note queued. A gateway that does not answer
 * leaves the refund `requested` and the payment flagged: whether money moved is
 * for a person to check at the gateway; it is never asked twice by us.
 */
@Injectable()
export class PaymentRefundsService {
  private readonly intervalMs: number;

  constructor(
    private readonly payments: PaymentsRepository,
    private readonly refunds: PaymentRefundsRepository,
    private readonly events: PaymentEventsRepository,
    private readonly settings: PaymentSettingsService,
    private readonly idempotency: IdempotencyService,
    private readonly tx: TransactionRunner,
    private readonly jobs: JobQueueService,
    private readonly paymentsService: PaymentsService,
    @Inject(PAYMENT_GATEWAYS) private readonly gateways: PaymentGateways,
    @Inject(ConfigService) config: AppConfig,
  ) {
    this.intervalMs = config.get('PAYMENT_SWEEP_INTERVAL_MS', { infer: true });
  }

  async refund(
    actor: Actor,
    id: string,
    dto: RefundPaymentDto,
    key: string | undefined,
  ): Promise<{ body: PaymentDetailDto; replayed: boolean }> {
    const businessId = actor.businessId;
    const idem = this.idempotency.request('payments.refund', key, { id, ...dto });
    const prior = await this.idempotency.replay(businessId, idem);
    if (prior) return { body: await this.paymentsService.get(businessId, id), replayed: true };
    const claimed = await this.tx.run(async (em) => {
      if (idem) {
        const before = await this.idempotency.claim(em, businessId, idem);
        if (before) return { replay: true as const };
      }
      const payment = await this.payments.withManager(em).lockById(businessId, id);
      if (!payment) throw new NotFoundAppException('payment', id);
      if (!REFUNDABLE.has(payment.status) || !payment.transactionId)
        throw new AppException(
          HttpStatus.CONFLICT,
          'payment.not_refundable',
          `Only a paid payment is refunded; this one is ${payment.status}`,
        );
      const left = payment.amountAgorot - (await this.refunds.withManager(em).committedTotal(businessId, id));
      const amount = dto.amount ?? left;
      if (amount <= 0 || amount > left)
        throw new AppException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'payment.refund_exceeds',
          `${shekels(Math.max(left, 0))} is left to refund (refunds asked of the gateway included); asked ${shekels(amount)}`,
          [{ field: 'amount', message: `must be at most ${Math.max(left, 0)} agorot` }],
        );
      const refund = await this.refunds
        .withManager(em)
        .insert(businessId, { paymentId: id, amountAgorot: amount, requestedBy: actor.name });
      if (idem) await this.idempotency.complete(em, businessId, idem, { status: 200, body: { refundId: refund.id } });
      return { payment, refund };
    });
    if ('replay' in claimed) return { body: await this.paymentsService.get(businessId, id), replayed: true };
    const { payment, refund } = claimed;
    await this.events.record(businessId, id, 'refund_requested', { by: actor.name, refundId: refund.id, amount: refund.amountAgorot });
    try {
      const answer = await this.gateways.for(payment.provider).refund(
        { businessId, credentials: await this.settings.credentialsFor(businessId, payment.provider) },
        {
          reference: payment.id,
          refundReference: refund.id,
          gatewayReference: payment.gatewayReference!,
          transactionId: payment.transactionId!,
          refundData: payment.refundData,
          amountAgorot: refund.amountAgorot,
          paidAgorot: payment.amountAgorot,
          currency: payment.currency,
        },
      );
      await this.refunds.finish(businessId, refund.id, { status: RefundStatus.succeeded, gatewayRefundId: answer.refundId });
    } catch (err) {
      if (!(err instanceof GatewayError)) throw err;
      if (err.temporary) {
        const reason = `refund ${refund.id} (${shekels(refund.amountAgorot)}) got no answer from ${payment.provider}: check at the gateway whether it was made`;
        await this.payments.flag(businessId, id, reason);
        await this.events.record(businessId, id, 'flagged', { reason });
        throw new AppException(
          HttpStatus.SERVICE_UNAVAILABLE,
          'payment.gateway_unavailable',
          `${payment.provider} did not answer the refund: ${reason}`,
        );
      }
      await this.refunds.finish(businessId, refund.id, { status: RefundStatus.failed, error: err.message });
      await this.events.record(businessId, id, 'refund_failed', { refundId: refund.id, reason: err.message, code: err.code });
      throw new AppException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'payment.refund_refused',
        `${payment.provider} refused the refund: ${err.message}`,
      );
    }
    await this.payments.addRefunded(businessId, id, refund.amountAgorot);
    await this.payments.scheduleCheck(businessId, id, nextResume(new Date(), 0, this.intervalMs));
    await this.events.record(businessId, id, 'refunded', { refundId: refund.id, amount: refund.amountAgorot });
    await this.jobs.enqueue(JobName.CreditPaymentRefunds, { businessId, paymentId: id }, { jobId: `payment-credit-${refund.id}` });
    return { body: await this.paymentsService.get(businessId, id), replayed: false };
  }
}
