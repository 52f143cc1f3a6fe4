import { Injectable } from '@nestjs/common';
import { bucketDates } from '../../common/time/reporting-period';
import { AppointmentStatsService } from '../appointments/appointment-stats.service';
import { BusinessDirectory } from '../business/business-directory.service';
import { RegistrationsService } from '../business-events/registrations.service';
import { RegistrationStatus } from '../business-events/entities/event-registration.entity';
import { CustomersService } from '../customers/customers.service';
import { MessageLogService } from '../notifications/message-log.service';
import { MessageStatus } from '../notifications/notification.types';
import { PaymentStatsService } from '../payments/payment-stats.service';
import type { StatsQueryDto } from './dto/stats-query.dto';
import type { MessagesByStatusDto, RegistrationsByStatusDto, StatsDto, StatsFiguresDto } from './dto/stats.dto';
import { resolvePeriod } from './stats-period';

export const TOP_CUSTOMERS = 5;

const zeroFigures = (): StatsFiguresDto => ({
  revenueAgorot: 0,
  paidAgorot: 0,
  refundedAgorot: 0,
  payments: 0,
  bookings: 0,
  cancelledBookings: 0,
  registrations: 0,
  newCustomers: 0,
  messages: 0,
});

const zeroCounts = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * The dashboard's figures for a period. Each module that owns the data counts
 * it with its own SQL aggregate (payments: revenue and top payers;
 * appointments: bookings by status, service and calendar; registrations;
 * customers: new ones; notifications: the message log through the document
 * store); this service only resolves the period in the business time zone,
 * runs them side by side and lays their per-bucket rows on the zero-filled
 * series. No module's rows are read here.
 */
@Injectable()
export class StatsService {
  constructor(
    private readonly directory: BusinessDirectory,
    private readonly payments: PaymentStatsService,
    private readonly appointments: AppointmentStatsService,
    private readonly registrations: RegistrationsService,
    private readonly customers: CustomersService,
    private readonly messages: MessageLogService,
  ) {}

  async stats(businessId: string, q: StatsQueryDto, now = new Date()): Promise<StatsDto> {
    const business = await this.directory.require(businessId);
    const period = resolvePeriod(q, business.timezone, now);
    const [revenue, payers, bookings, registrations, newCustomers, messages] = await Promise.all([
      this.payments.revenue(businessId, period),
      this.payments.topPayers(businessId, period, TOP_CUSTOMERS),
      this.appointments.bookings(businessId, period),
      this.registrations.countsByCreation(businessId, period),
      this.customers.countNew(businessId, period),
      this.messages.countByStatus(businessId, period),
    ]);

    const series = new Map(bucketDates(period).map((date) => [date, { date, ...zeroFigures() }]));
    /** The bucket a row belongs to: always one of the series (the SQL buckets the same period the same way). */
    const at = (bucket: string) => {
      const found = series.get(bucket);
      if (!found) throw new Error(`bucket ${bucket} is outside the period ${period.from.toISOString()}–${period.to.toISOString()}`);
      return found;
    };
    for (const r of revenue) {
      Object.assign(at(r.bucket), { paidAgorot: r.paidAgorot, refundedAgorot: r.refundedAgorot, payments: r.payments });
      at(r.bucket).revenueAgorot = r.paidAgorot - r.refundedAgorot;
    }
    for (const r of bookings.byBucket) Object.assign(at(r.bucket), { bookings: r.bookings, cancelledBookings: r.cancelled });
    const registrationsByStatus = zeroCounts(Object.values(RegistrationStatus)) as RegistrationsByStatusDto;
    for (const r of registrations) {
      registrationsByStatus[r.status] += r.count;
      if (r.status !== RegistrationStatus.cancelled) at(r.bucket).registrations += r.count;
    }
    for (const r of newCustomers) at(r.bucket).newCustomers = r.count;
    const messagesByStatus = zeroCounts(Object.values(MessageStatus)) as MessagesByStatusDto;
    for (const r of messages) {
      messagesByStatus[r.status] = (messagesByStatus[r.status] ?? 0) + r.count;
      at(r.bucket).messages += r.count;
    }

    const buckets = [...series.values()];
    const totals = zeroFigures();
    for (const b of buckets) for (const key of Object.keys(totals) as (keyof StatsFiguresDto)[]) totals[key] += b[key];

    const names = await this.customers.getSummaries(
      businessId,
      payers.map((p) => p.customerId),
    );
    return {
      from: period.from,
      to: period.to,
      timeZone: period.timeZone,
      granularity: period.granularity,
      currency: this.payments.currency,
      totals,
      series: buckets,
      bookingsByStatus: bookings.byStatus,
      registrationsByStatus,
      messagesByStatus,
      topCustomers: payers.map((p) => ({
        customerId: p.customerId,
        firstName: names.get(p.customerId)?.firstName ?? '',
        lastName: names.get(p.customerId)?.lastName ?? null,
        revenueAgorot: p.netAgorot,
        payments: p.payments,
      })),
      bookingsByService: bookings.byService,
      bookingsByStaff: bookings.byCalendar,
    };
  }
}
