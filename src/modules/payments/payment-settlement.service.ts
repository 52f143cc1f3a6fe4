import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DomainEvents } from '../../common/domain-events/domain-events';
import type { AppConfig } from '../../infra/config/app-config';
import { JobQueueService } from '../../infra/queue/job-queue.service';
import { JobName } from '../../infra/queue/job-names';
import { ActivityService } from '../activity/activity.service';
import { AppointmentsService } from '../appointments/appointments.service';
import { RegistrationsService } from '../business-events/registrations.service';
import { NotificationStatus } from './entities/payment-notification.entity';
import { PAID_STATUSES, type Payment, PaymentStatus } from './entities/payment.entity';
import {
  type GatewayContext,
  type GatewayNotification,
  type GatewayTransaction,
  PAYMENT_GATEWAYS,
  type PaymentGateways,
} from './gateways/payment-gateway.port';
import { PaymentEventsRepository } from './payment-events.repository';
import { PaymentNotificationsRepository } from './payment-notifications.repository';
import { nextPoll, nextResume } from './payment-schedule';
import { PaymentsRepository } from './payments.repository';
import { PaymentSettingsService } from './settings/payment-settings.service';

const LAPSED = new Set([PaymentStatus.cancelled, PaymentStatus.expired, PaymentStatus.failed]);
const shekels = (agorot: number | null) => (agorot === null ? 'none' : (agorot / 100).toFixed(2));

/** What a notification (or a poll) did to its payment. */
type Outcome = { status: NotificationStatus; reason: string | null };

/**
 * Settles payments by what their gateway says when asked, never by what a
 * notification claims: `paid` only when the gateway reports the transaction
 * approved **and** its amount and our reference match the payment (once: a
 * conditional update from `pending`), `failed` when it reports a decline, and
 * flagged for review otherwise. Paid starts the pipeline (document, then email).
 */
@Injectable()
export class PaymentSettlementService {
  private readonly logger = new Logger('Payments');
  private readonly intervalMs: number;

  constructor(
    private readonly payments: PaymentsRepository,
    private readonly notifications: PaymentNotificationsRepository,
    private readonly events: PaymentEventsRepository,
    private readonly settings: PaymentSettingsService,
    private readonly activity: ActivityService,
    private readonly appointments: AppointmentsService,
    private readonly registrations: RegistrationsService,
    private readonly jobs: JobQueueService,
    private readonly domainEvents: DomainEvents,
    @Inject(PAYMENT_GATEWAYS) private readonly gateways: PaymentGateways,
    @Inject(ConfigService) config: AppConfig,
  ) {
    this.intervalMs = config.get('PAYMENT_SWEEP_INTERVAL_MS', { infer: true });
  }

  /** Verifies one filed notification by asking the gateway (a temporary gateway error throws: the job retries). */
  async verifyNotification(businessId: string, notificationId: string): Promise<void> {
    const n = await this.notifications.findById(businessId, notificationId);
    // Settled already; unless paid but not yet acknowledged (the acknowledgement failed: it is retried).
    if (!n || (n.status !== NotificationStatus.received && !(n.status === NotificationStatus.paid && !n.acknowledgedAt))) return;
    const payment = await this.payments.byGatewayReference(businessId, n.provider, n.gatewayReference);
    if (!payment) {
      await this.notifications.settle(businessId, n.id, NotificationStatus.ignored, null, 'no payment of this business has this page');
      return;
    }
    const notification: GatewayNotification = { key: n.key, gatewayReference: n.gatewayReference, fields: n.fields };
    const ctx = await this.context(payment);
    const tx = await this.gateways.for(payment.provider).query(ctx, n.gatewayReference, notification);
    const outcome = await this.apply(payment, tx, 'notification');
    if (n.status === NotificationStatus.received)
      await this.notifications.settle(businessId, n.id, outcome.status, payment.id, outcome.reason);
    if (outcome.status === NotificationStatus.paid || (outcome.status === NotificationStatus.ignored && tx.status === 'approved')) {
      await this.gateways.for(payment.provider).acknowledge(ctx, notification, tx);
      await this.notifications.acknowledged(businessId, n.id);
    }
  }

  /**
   * The sweeper's look at one payment whose check is due: a pending one is asked of its
   * gateway (a lost notification) and expires when its time is up; a paid one whose
   * pipeline stopped (a crash, a failed job) is resumed.
   */
  async check(businessId: string, paymentId: string, now = new Date()): Promise<void> {
    const payment = await this.payments.findById(businessId, paymentId);
    if (!payment?.nextCheckAt || payment.nextCheckAt > now) return;
    if (payment.status === PaymentStatus.pending) return this.poll(payment, now);
    if (PAID_STATUSES.has(payment.status)) return this.resume(payment, now);
    await this.payments.scheduleCheck(businessId, payment.id, null);
  }

  private async poll(payment: Payment, now: Date): Promise<void> {
    const expired = payment.expiresAt !== null && payment.expiresAt <= now;
    let tx: GatewayTransaction | null = null;
    try {
      tx = await this.gateways.for(payment.provider).query(await this.context(payment), payment.gatewayReference!, null);
    } catch (err) {
      // The gateway did not answer: ask again next round; an expired payment is not expired unasked.
      this.logger.warn(`Polling payment ${payment.id} at ${payment.provider}: ${(err as Error).message}`);
    }
    if (tx) {
      const outcome = await this.apply(payment, tx, 'poll');
      if (outcome.status !== NotificationStatus.received) return;
      if (expired) {
        const done = await this.payments.finish(payment.businessId, payment.id, PaymentStatus.expired);
        if (done) await this.events.record(payment.businessId, payment.id, 'expired', {});
        return;
      }
    }
    await this.payments.scheduleCheck(
      payment.businessId,
      payment.id,
      nextPoll(now, payment.checks + 1, this.intervalMs),
      payment.checks + 1,
    );
  }

  /**
   * Queues the pipeline's next unfinished step again (each is idempotent, so a step
   * still running elsewhere does no harm) and looks again later; the last step
   * clears the check when everything is done.
   */
  private async resume(payment: Payment, now: Date): Promise<void> {
    const { businessId, id } = payment;
    const round = payment.checks + 1;
    await this.payments.scheduleCheck(businessId, id, nextResume(now, round, this.intervalMs), round);
    const payload = { businessId, paymentId: id };
    if (!payment.invoiceId) await this.jobs.enqueue(JobName.IssuePaymentDocument, payload, { jobId: `payment-document-${id}-${round}` });
    else if (!payment.receiptMessageId)
      await this.jobs.enqueue(JobName.SendPaymentReceipt, payload, { jobId: `payment-receipt-${id}-${round}` });
    else await this.jobs.enqueue(JobName.CreditPaymentRefunds, payload, { jobId: `payment-credits-${id}-${round}` });
  }

  /** What the gateway said, applied to the payment once. */
  private async apply(payment: Payment, tx: GatewayTransaction, by: 'notification' | 'poll'): Promise<Outcome> {
    const { businessId, id } = payment;
    if (payment.status !== PaymentStatus.pending) {
      // Money taken on the page of a payment that no longer counts: a person refunds it or settles it by hand.
      if (tx.status === 'approved' && LAPSED.has(payment.status) && tx.transactionId !== payment.transactionId) {
        const reason = `the gateway reports a payment (${shekels(tx.amountAgorot)}, transaction ${tx.transactionId ?? '?'}) after the payment was ${payment.status}`;
        await this.flag(payment, reason, tx);
        return { status: NotificationStatus.flagged, reason };
      }
      return { status: NotificationStatus.ignored, reason: `the payment was already ${payment.status}` };
    }
    if (tx.status === 'pending') {
      if (by === 'poll') return { status: NotificationStatus.received, reason: null };
      const reason = 'a notification arrived, but the gateway reports no completed transaction for the page';
      await this.flag(payment, reason, tx);
      return { status: NotificationStatus.flagged, reason };
    }
    if (tx.status === 'declined') {
      const failed = await this.payments.finish(businessId, id, PaymentStatus.failed);
      if (!failed) return { status: NotificationStatus.ignored, reason: 'settled meanwhile' };
      await this.events.record(businessId, id, 'failed', { by, reason: tx.reason, transactionId: tx.transactionId });
      return { status: NotificationStatus.declined, reason: tx.reason };
    }
    const mismatch =
      tx.amountAgorot !== payment.amountAgorot
        ? `the gateway charged ${shekels(tx.amountAgorot)} but the payment is ${shekels(payment.amountAgorot)}`
        : tx.reference !== payment.id
          ? `the gateway's order reference (${tx.reference ?? 'none'}) is not this payment's`
          : null;
    if (mismatch) {
      await this.flag(payment, mismatch, tx);
      return { status: NotificationStatus.flagged, reason: mismatch };
    }
    const now = new Date();
    const paid = await this.payments.markPaid(businessId, id, {
      transactionId: tx.transactionId,
      refundData: tx.refundData,
      at: now,
      nextCheckAt: nextResume(now, 0, this.intervalMs),
    });
    if (!paid) return { status: NotificationStatus.ignored, reason: 'settled meanwhile' };
    await this.events.record(businessId, id, 'paid', { by, transactionId: tx.transactionId, amount: tx.amountAgorot });
    if (payment.appointmentId) await this.appointments.markPaid(businessId, payment.appointmentId, id, now);
    if (payment.registrationId) await this.registrations.markPaid(businessId, payment.registrationId, id, now);
    await this.jobs.enqueue(JobName.IssuePaymentDocument, { businessId, paymentId: id }, { jobId: `payment-document-${id}` });
    await this.activity.recordEvent({
      businessId,
      by: null,
      action: 'payment.paid',
      entityType: 'payment',
      entityId: id,
      customerId: payment.customerId,
      summary: `Paid ${shekels(payment.amountAgorot)} ${payment.currency} through ${payment.provider}: ${payment.description}`,
    });
    this.domainEvents.emit('payment.paid', {
      businessId,
      paymentId: id,
      customerId: payment.customerId,
      amountAgorot: payment.amountAgorot,
      currency: payment.currency,
      appointmentId: payment.appointmentId,
      registrationId: payment.registrationId,
    });
    return { status: NotificationStatus.paid, reason: null };
  }

  private async flag(payment: Payment, reason: string, tx: GatewayTransaction): Promise<void> {
    await this.payments.flag(payment.businessId, payment.id, reason);
    await this.events.record(payment.businessId, payment.id, 'flagged', {
      reason,
      gatewayStatus: tx.status,
      gatewayAmount: tx.amountAgorot,
      gatewayReference: tx.reference,
    });
  }

  private async context(payment: Payment): Promise<GatewayContext> {
    return { businessId: payment.businessId, credentials: await this.settings.credentialsFor(payment.businessId, payment.provider) };
  }
}
