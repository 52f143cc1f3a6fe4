import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, DeepPartial, In, LessThan, Repository } from 'typeorm';
import { isExclusionViolation, isRetryable } from '../../common/database/pg-errors';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { type ReportingPeriod, sqlBucket } from '../../common/time/reporting-period';
import { isUuid } from '../../common/validation/uuid';
import { AppointmentStatus } from './appointment-status';
import { Appointment } from './entities/appointment.entity';

/** The exclusion constraint refused the time: another appointment holds it. */
export class SlotTakenError extends Error {
  constructor() {
    super('The calendar already has an appointment in this range');
  }
}

/** PostgreSQL broke a lock cycle between competing bookings; the transaction may be retried. */
export class RetryableBookingError extends Error {}

function translate(err: unknown): never {
  if (isExclusionViolation(err)) throw new SlotTakenError();
  if (isRetryable(err)) throw new RetryableBookingError((err as Error).message);
  throw err;
}

export interface AppointmentFilter {
  from?: Date;
  to?: Date;
  calendarId?: string;
  serviceId?: string;
  customerId?: string;
  statuses?: AppointmentStatus[];
}

/** Appointments of a period counted by status, per bucket, per service and per calendar (one row per group). */
export interface AppointmentCounts {
  byBucket: { bucket: string; status: AppointmentStatus; count: number }[];
  /** `serviceName`: the name it was last booked under in the period. */
  byService: { serviceId: string; serviceName: string; status: AppointmentStatus; count: number }[];
  byCalendar: { calendarId: string; status: AppointmentStatus; count: number }[];
}

export interface BusyRow {
  calendarId: string;
  from: number;
  to: number;
}

@Injectable()
export class AppointmentsRepository extends TenantRepository<Appointment> {
  constructor(@InjectRepository(Appointment) repo: Repository<Appointment>) {
    super(repo);
  }

  async findWithCustomer(businessId: string, id: string): Promise<Appointment | null> {
    if (!isUuid(id)) return null;
    return this.repo.findOne({ where: this.scoped(businessId, { id }), relations: { customer: true } });
  }

  /**
   * Serialises bookings on one calendar until the transaction ends. Without it,
   * two transactions inserting overlapping ranges each wait on the other's
   * uncommitted row in the exclusion check: a deadlock PostgreSQL breaks only
   * once per deadlock_timeout, so a burst of clients crawls. The exclusion
   * constraint stays the guarantee; this lock only keeps contenders in line.
   */
  async lockCalendar(calendarId: string): Promise<void> {
    await this.repo.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`appointments:calendar:${calendarId}`]);
  }

  /** Inserts a booking; SlotTakenError when the exclusion constraint refuses it. */
  async insertBooking(businessId: string, data: DeepPartial<Appointment> & { id: string }): Promise<void> {
    this.scoped(businessId);
    await this.repo.insert({ ...data, businessId } as never).catch(translate);
  }

  /**
   * Moves an appointment if its status is still one of `from`; null when it is
   * not (or does not exist). SlotTakenError when the new range is taken.
   */
  async moveIfStatus(
    businessId: string,
    id: string,
    from: readonly AppointmentStatus[],
    change: Pick<Appointment, 'calendarId' | 'startsAt' | 'endsAt' | 'blockedFrom' | 'blockedTo'>,
  ): Promise<Appointment | null> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ ...change, sequence: () => 'sequence + 1' })
      .where('id = :id AND business_id = :businessId AND status IN (:...from)', {
        id,
        businessId: this.scoped(businessId).businessId,
        from,
      })
      .execute()
      .catch(translate);
    return result.affected ? this.findById(businessId, id) : null;
  }

  /** Changes the status if it is still one of `from` (atomic: two concurrent cancels cannot both win). */
  async transitionIfStatus(
    businessId: string,
    id: string,
    from: readonly AppointmentStatus[],
    patch: DeepPartial<Appointment>,
  ): Promise<Appointment | null> {
    if (!isUuid(id)) return null;
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set(patch as never)
      .where('id = :id AND business_id = :businessId AND status IN (:...from)', {
        id,
        businessId: this.scoped(businessId).businessId,
        from,
      })
      .execute();
    return result.affected ? this.findById(businessId, id) : null;
  }

  /** The first non-cancelled appointment of the calendar whose blocked range overlaps [from, to). */
  async findOverlap(businessId: string, calendarId: string, from: Date, to: Date, exceptId?: string): Promise<Appointment | null> {
    if (!isUuid(calendarId)) return null;
    const qb = this.repo
      .createQueryBuilder('a')
      .where('a.business_id = :businessId AND a.calendar_id = :calendarId', { businessId: this.scoped(businessId).businessId, calendarId })
      .andWhere(`a.status <> 'cancelled'`)
      .andWhere(`tstzrange(a.blocked_from, a.blocked_to, '[)') && tstzrange(:from, :to, '[)')`, { from, to })
      .orderBy('a.blocked_from', 'ASC');
    if (exceptId) qb.andWhere('a.id <> :exceptId', { exceptId });
    return qb.getOne();
  }

  /** Blocked ranges of these calendars overlapping [from, to), as epoch ms (slot computation). */
  async busy(businessId: string, calendarIds: string[], from: Date, to: Date, exceptId?: string): Promise<BusyRow[]> {
    if (calendarIds.length === 0) return [];
    const rows = await this.repo
      .createQueryBuilder('a')
      .select(['a.calendar_id AS "calendarId"', 'a.blocked_from AS "from"', 'a.blocked_to AS "to"'])
      .where('a.business_id = :businessId AND a.calendar_id IN (:...calendarIds)', {
        businessId: this.scoped(businessId).businessId,
        calendarIds,
      })
      .andWhere(`a.status <> 'cancelled'`)
      .andWhere('a.blocked_from < :to AND a.blocked_to > :from', { from, to })
      .andWhere(exceptId ? 'a.id <> :exceptId' : 'TRUE', { exceptId })
      .getRawMany<{ calendarId: string; from: Date; to: Date }>();
    return rows.map((r) => ({ calendarId: r.calendarId, from: new Date(r.from).getTime(), to: new Date(r.to).getTime() }));
  }

  async page(businessId: string, f: AppointmentFilter, page: { offset: number; limit: number }): Promise<[Appointment[], number]> {
    const qb = this.repo
      .createQueryBuilder('a')
      .leftJoinAndSelect('a.customer', 'customer')
      .where('a.business_id = :businessId', { businessId: this.scoped(businessId).businessId });
    if (f.from) qb.andWhere('a.ends_at > :from', { from: f.from });
    if (f.to) qb.andWhere('a.starts_at < :to', { to: f.to });
    if (f.calendarId) qb.andWhere('a.calendar_id = :calendarId', { calendarId: f.calendarId });
    if (f.serviceId) qb.andWhere('a.service_id = :serviceId', { serviceId: f.serviceId });
    if (f.customerId) qb.andWhere('a.customer_id = :customerId', { customerId: f.customerId });
    if (f.statuses?.length) qb.andWhere('a.status IN (:...statuses)', { statuses: f.statuses });
    return qb.orderBy('a.starts_at', 'ASC').addOrderBy('a.id', 'ASC').skip(page.offset).take(page.limit).getManyAndCount();
  }

  /** Non-cancelled appointments of one calendar in [from, to), with their customers (the iCalendar feed). */
  async forFeed(businessId: string, calendarId: string, from: Date, to: Date): Promise<Appointment[]> {
    return this.repo
      .createQueryBuilder('a')
      .leftJoinAndSelect('a.customer', 'customer')
      .where('a.business_id = :businessId AND a.calendar_id = :calendarId', { businessId: this.scoped(businessId).businessId, calendarId })
      .andWhere(`a.status IN (:...statuses)`, {
        statuses: [AppointmentStatus.pending, AppointmentStatus.confirmed, AppointmentStatus.completed],
      })
      .andWhere('a.starts_at < :to AND a.ends_at > :from', { from, to })
      .orderBy('a.starts_at', 'ASC')
      .take(5000)
      .getMany();
  }

  /** Pending and confirmed appointments of every business starting in [from, to], unchanged since `settledBefore` (reminder reconciliation). */
  async upcomingAcrossBusinesses(from: Date, to: Date, settledBefore: Date, limit: number): Promise<Appointment[]> {
    return this.repo.find({
      where: {
        status: In([AppointmentStatus.pending, AppointmentStatus.confirmed]),
        startsAt: Between(from, to),
        updatedAt: LessThan(settledBefore),
      },
      order: { startsAt: 'ASC' },
      take: limit,
    });
  }

  /** Marks it paid by `paymentId`, once (a later payment does not replace the first). */
  async markPaid(businessId: string, id: string, paymentId: string, at: Date): Promise<boolean> {
    const rows = await this.sql<{ id: string }>(
      `UPDATE appointments SET paid_at = $4, payment_id = $3 WHERE business_id = $1 AND id = $2 AND paid_at IS NULL RETURNING id`,
      [businessId, id, paymentId, at],
    );
    return rows.length > 0;
  }

  /**
   * Appointments starting in the period, counted by status three ways in one
   * scan of (business_id, starts_at): per bucket, per service, per calendar.
   */
  async countsByStart(businessId: string, period: ReportingPeriod): Promise<AppointmentCounts> {
    this.scoped(businessId);
    const rows = await this.sql<{
      bucket: string | null;
      service_id: string | null;
      calendar_id: string | null;
      status: AppointmentStatus;
      n: number;
      service_name: string | null;
    }>(
      `SELECT bucket, service_id, calendar_id, status, count(*)::int AS n,
              (array_agg(service_name ORDER BY starts_at DESC))[1] AS service_name
         FROM (SELECT ${sqlBucket('starts_at', '$4', '$5')} AS bucket, service_id, calendar_id, status, service_name, starts_at
                 FROM appointments WHERE business_id = $1 AND starts_at >= $2 AND starts_at < $3) a
        GROUP BY GROUPING SETS ((bucket, status), (service_id, status), (calendar_id, status))`,
      [businessId, period.from, period.to, period.granularity, period.timeZone],
    );
    const counts: AppointmentCounts = { byBucket: [], byService: [], byCalendar: [] };
    for (const r of rows) {
      if (r.bucket !== null) counts.byBucket.push({ bucket: r.bucket, status: r.status, count: r.n });
      else if (r.service_id !== null)
        counts.byService.push({ serviceId: r.service_id, serviceName: r.service_name ?? '', status: r.status, count: r.n });
      else if (r.calendar_id !== null) counts.byCalendar.push({ calendarId: r.calendar_id, status: r.status, count: r.n });
    }
    return counts;
  }
}
