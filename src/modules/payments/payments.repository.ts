import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, type FindOptionsWhere, LessThanOrEqual, MoreThanOrEqual, Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { type BucketRow, type ReportingPeriod, sqlBucket } from '../../common/time/reporting-period';
import { PaymentProvider } from '../../infra/config/env.schema';
import { RefundStatus } from './entities/payment-refund.entity';
import { Payment, PaymentStatus } from './entities/payment.entity';
import type { PaymentQueryDto } from './dto/payment.dto';

/**
 * The money that moved in a period, as one stream of signed amounts: a payment
 * counts when it was paid (`paid_at`, set once, whatever its status became),
 * a refund when it was asked of the gateway (`created_at`) and succeeded.
 * Parameters: $1 business, $2 from, $3 to (exclusive), $4 currency.
 */
const MONEY_MOVES = `
  SELECT p.paid_at AS at, p.customer_id, p.amount_agorot AS paid, 0 AS refunded, true AS is_payment
    FROM payments p
   WHERE p.business_id = $1 AND p.paid_at >= $2 AND p.paid_at < $3 AND p.currency = $4
  UNION ALL
  SELECT r.created_at, p.customer_id, 0, r.amount_agorot, false
    FROM payment_refunds r JOIN payments p ON p.id = r.payment_id
   WHERE r.business_id = $1 AND r.created_at >= $2 AND r.created_at < $3 AND r.status = '${RefundStatus.succeeded}' AND p.currency = $4`;

export type RevenueRow = BucketRow<'paidAgorot' | 'refundedAgorot' | 'payments'>;

@Injectable()
export class PaymentsRepository extends TenantRepository<Payment> {
  constructor(@InjectRepository(Payment) repo: Repository<Payment>) {
    super(repo);
  }

  /** A page of the business's payments, newest first, by the query's filters. */
  list(businessId: string, q: PaymentQueryDto): Promise<[Payment[], number]> {
    const where: FindOptionsWhere<Payment> = {};
    if (q.status) where.status = q.status;
    if (q.customerId) where.customerId = q.customerId;
    if (q.provider) where.provider = q.provider;
    const from = q.from ? new Date(`${q.from}T00:00:00Z`) : null;
    const to = q.to ? new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000 - 1) : null;
    if (from && to) where.createdAt = Between(from, to);
    else if (from) where.createdAt = MoreThanOrEqual(from);
    else if (to) where.createdAt = LessThanOrEqual(to);
    return this.findPage(businessId, { where, order: { createdAt: 'DESC', id: 'DESC' } }, { offset: q.offset, limit: q.limit });
  }

  /**
   * What the payer's return page shows, by the payment's id alone (the payer is not signed
   * in; the id is a random UUID they were sent with): status, amount and description only.
   */
  async forPayer(id: string): Promise<{ status: PaymentStatus; amountAgorot: number; description: string } | null> {
    const rows = await this.sql<{ status: PaymentStatus; amount_agorot: number; description: string }>(
      `SELECT status, amount_agorot, description FROM payments WHERE id = $1`,
      [id],
    );
    return rows.length ? { status: rows[0].status, amountAgorot: rows[0].amount_agorot, description: rows[0].description } : null;
  }

  /** The business's payment whose hosted page is `gatewayReference` at `provider`. */
  byGatewayReference(businessId: string, provider: PaymentProvider, gatewayReference: string): Promise<Payment | null> {
    return this.findOne(businessId, { provider, gatewayReference });
  }

  /** A pending payment becomes `paid`, once: null when it was not pending (another delivery won, or it was settled). */
  async markPaid(
    businessId: string,
    id: string,
    paid: { transactionId: string | null; refundData: Record<string, string>; at: Date; nextCheckAt: Date },
  ): Promise<Payment | null> {
    return this.settle(businessId, id, PaymentStatus.pending, {
      status: PaymentStatus.paid,
      transaction_id: paid.transactionId,
      refund_data: JSON.stringify(paid.refundData),
      paid_at: paid.at,
      review_reason: null,
      next_check_at: paid.nextCheckAt,
    });
  }

  /** A pending payment becomes `to` (failed, expired, cancelled), once; null when it was not pending. */
  finish(businessId: string, id: string, to: PaymentStatus, reviewReason: string | null = null): Promise<Payment | null> {
    return this.settle(businessId, id, PaymentStatus.pending, { status: to, next_check_at: null, review_reason: reviewReason });
  }

  /** Flags a payment for review with the reason (its status does not change). */
  async flag(businessId: string, id: string, reason: string): Promise<void> {
    await this.sql(`UPDATE payments SET review_reason = $3 WHERE business_id = $1 AND id = $2`, [businessId, id, reason.slice(0, 300)]);
  }

  async clearFlag(businessId: string, id: string): Promise<void> {
    await this.sql(`UPDATE payments SET review_reason = NULL WHERE business_id = $1 AND id = $2`, [businessId, id]);
  }

  /** When the sweeper looks at the payment next (null: nothing left to do), and how many checks it had. */
  async scheduleCheck(businessId: string, id: string, at: Date | null, checks?: number): Promise<void> {
    await this.sql(`UPDATE payments SET next_check_at = $3, checks = COALESCE($4, checks) WHERE business_id = $1 AND id = $2`, [
      businessId,
      id,
      at,
      checks ?? null,
    ]);
  }

  /** Records the document issued for the payment (the first one recorded stays). */
  async setInvoice(businessId: string, id: string, invoiceId: string): Promise<void> {
    await this.sql(`UPDATE payments SET invoice_id = COALESCE(invoice_id, $3) WHERE business_id = $1 AND id = $2`, [
      businessId,
      id,
      invoiceId,
    ]);
  }

  /**
   * Records the receipt email (the first recorded stays); the pipeline is done, so the sweeper has
   * nothing left to look at. True when this call recorded it (a racing duplicate step gets false).
   */
  async setReceiptMessage(businessId: string, id: string, messageId: string | null): Promise<boolean> {
    const rows = await this.sql<{ id: string }>(
      `UPDATE payments SET receipt_message_id = COALESCE(receipt_message_id, $3), next_check_at = NULL
       WHERE business_id = $1 AND id = $2 AND receipt_message_id IS NULL RETURNING id`,
      [businessId, id, messageId],
    );
    return rows.length > 0;
  }

  /** Payments whose check is due, oldest first (any business: the sweeper's round). */
  async due(now: Date, limit: number): Promise<{ businessId: string; id: string; checks: number; dueAt: Date }[]> {
    const rows = await this.sql<{ business_id: string; id: string; checks: number; next_check_at: Date }>(
      `SELECT business_id, id, checks, next_check_at FROM payments WHERE next_check_at IS NOT NULL AND next_check_at <= $1 ORDER BY next_check_at LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => ({ businessId: r.business_id, id: r.id, checks: r.checks, dueAt: new Date(r.next_check_at) }));
  }

  /** Adds a succeeded refund to the payment and moves it to refunded / partially_refunded. */
  async addRefunded(businessId: string, id: string, amountAgorot: number): Promise<Payment | null> {
    const rows = await this.sql<Record<string, unknown>>(
      `UPDATE payments SET refunded_agorot = refunded_agorot + $3,
         status = CASE WHEN refunded_agorot + $3 >= amount_agorot THEN 'refunded' ELSE 'partially_refunded' END
       WHERE business_id = $1 AND id = $2 RETURNING *`,
      [businessId, id, amountAgorot],
    );
    return rows.length ? this.hydrate(rows)[0] : null;
  }

  /** Per bucket of the period: paid, refunded (agorot in `currency`) and how many payments were paid. */
  async revenueByBucket(businessId: string, period: ReportingPeriod, currency: string): Promise<RevenueRow[]> {
    this.scoped(businessId);
    const rows = await this.sql<{ bucket: string; paid: string; refunded: string; payments: number }>(
      `SELECT ${sqlBucket('at', '$5', '$6')} AS bucket, sum(paid) AS paid, sum(refunded) AS refunded,
              count(*) FILTER (WHERE is_payment)::int AS payments
         FROM (${MONEY_MOVES}) moves GROUP BY 1`,
      [businessId, period.from, period.to, currency, period.granularity, period.timeZone],
    );
    return rows.map((r) => ({ bucket: r.bucket, paidAgorot: Number(r.paid), refundedAgorot: Number(r.refunded), payments: r.payments }));
  }

  /** The customers who paid the most in the period, net of refunds in it (positive nets only), most first. */
  async topPayers(
    businessId: string,
    period: ReportingPeriod,
    currency: string,
    limit: number,
  ): Promise<{ customerId: string; netAgorot: number; payments: number }[]> {
    this.scoped(businessId);
    const rows = await this.sql<{ customer_id: string; net: string; payments: number }>(
      `SELECT customer_id, sum(paid - refunded) AS net, count(*) FILTER (WHERE is_payment)::int AS payments
         FROM (${MONEY_MOVES}) moves
        GROUP BY customer_id HAVING sum(paid - refunded) > 0
        ORDER BY net DESC, customer_id LIMIT $5`,
      [businessId, period.from, period.to, currency, limit],
    );
    return rows.map((r) => ({ customerId: r.customer_id, netAgorot: Number(r.net), payments: r.payments }));
  }

  private async settle(businessId: string, id: string, from: PaymentStatus, set: Record<string, unknown>): Promise<Payment | null> {
    const names = Object.keys(set);
    const rows = await this.sql<Record<string, unknown>>(
      `UPDATE payments SET ${names.map((n, i) => `${n} = $${i + 4}`).join(', ')}
       WHERE business_id = $1 AND id = $2 AND status = $3 RETURNING *`,
      [businessId, id, from, ...names.map((n) => set[n])],
    );
    return rows.length ? this.hydrate(rows)[0] : null;
  }
}
