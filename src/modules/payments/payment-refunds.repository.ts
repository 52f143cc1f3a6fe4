import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { PaymentRefund, RefundStatus } from './entities/payment-refund.entity';

@Injectable()
export class PaymentRefundsRepository extends TenantRepository<PaymentRefund> {
  constructor(@InjectRepository(PaymentRefund) repo: Repository<PaymentRefund>) {
    super(repo);
  }

  /** What the payment's refunds hold: succeeded ones and those still asked of the gateway. */
  async committedTotal(businessId: string, paymentId: string): Promise<number> {
    const rows = await this.sql<{ total: string }>(
      `SELECT COALESCE(SUM(amount_agorot), 0) AS total FROM payment_refunds WHERE business_id = $1 AND payment_id = $2 AND status <> $3`,
      [businessId, paymentId, RefundStatus.failed],
    );
    return Number(rows[0].total);
  }

  async finish(
    businessId: string,
    id: string,
    outcome: { status: RefundStatus.succeeded; gatewayRefundId: string | null } | { status: RefundStatus.failed; error: string },
  ): Promise<void> {
    await this.updateFields(businessId, id, {
      status: outcome.status,
      ...(outcome.status === RefundStatus.succeeded
        ? { gatewayRefundId: outcome.gatewayRefundId }
        : { error: outcome.error.slice(0, 300) }),
    });
  }

  async setCreditNote(businessId: string, id: string, creditNoteId: string): Promise<void> {
    await this.updateFields(businessId, id, { creditNoteId });
  }

  forPayment(businessId: string, paymentId: string): Promise<PaymentRefund[]> {
    return this.findMany(businessId, { paymentId }, { createdAt: 'ASC', id: 'ASC' });
  }

  /** Succeeded refunds without their credit note yet (the pipeline resumes them). */
  withoutCreditNote(businessId: string, paymentId: string): Promise<PaymentRefund[]> {
    return this.sql<Record<string, unknown>>(
      `SELECT * FROM payment_refunds WHERE business_id = $1 AND payment_id = $2 AND status = $3 AND credit_note_id IS NULL ORDER BY created_at`,
      [businessId, paymentId, RefundStatus.succeeded],
    ).then((rows) => this.hydrate(rows));
  }
}
