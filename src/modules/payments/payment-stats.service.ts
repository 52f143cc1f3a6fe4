import { Injectable } from '@nestjs/common';
import type { ReportingPeriod } from '../../common/time/reporting-period';
import { PAYMENT_CURRENCY } from './entities/payment.entity';
import { PaymentsRepository, type RevenueRow } from './payments.repository';

/**
 * What reports read of payments, aggregated in SQL: revenue per bucket (paid
 * minus refunded, by when the money moved) and the customers who paid most.
 * Payments are only ever in PAYMENT_CURRENCY (shekels); the queries filter on
 * it, so a payment in another currency would never be added to shekels.
 */
@Injectable()
export class PaymentStatsService {
  readonly currency = PAYMENT_CURRENCY;

  constructor(private readonly payments: PaymentsRepository) {}

  revenue(businessId: string, period: ReportingPeriod): Promise<RevenueRow[]> {
    return this.payments.revenueByBucket(businessId, period, PAYMENT_CURRENCY);
  }

  topPayers(
    businessId: string,
    period: ReportingPeriod,
    limit: number,
  ): Promise<{ customerId: string; netAgorot: number; payments: number }[]> {
    return this.payments.topPayers(businessId, period, PAYMENT_CURRENCY, limit);
  }
}
