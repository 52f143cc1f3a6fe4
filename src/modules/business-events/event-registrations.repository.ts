import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { type ReportingPeriod, sqlBucket } from '../../common/time/reporting-period';
import { EventRegistration, RegistrationStatus } from './entities/event-registration.entity';

export interface RegistrationCounts {
  confirmed: number;
  waitlisted: number;
}

@Injectable()
export class EventRegistrationsRepository extends TenantRepository<EventRegistration> {
  constructor(@InjectRepository(EventRegistration) repo: Repository<EventRegistration>) {
    super(repo);
  }

  /** The customer's live (not cancelled) registration for the event. */
  findLive(businessId: string, eventId: string, customerId: string): Promise<EventRegistration | null> {
    return this.findOne(businessId, { eventId, customerId, status: Not(RegistrationStatus.cancelled) });
  }

  findForEvent(businessId: string, eventId: string, id: string): Promise<EventRegistration | null> {
    return this.findOne(businessId, { id, eventId });
  }

  countConfirmed(businessId: string, eventId: string): Promise<number> {
    return this.count(businessId, { eventId, status: RegistrationStatus.confirmed });
  }

  async countsFor(businessId: string, eventIds: string[]): Promise<Map<string, RegistrationCounts>> {
    const counts = new Map<string, RegistrationCounts>(eventIds.map((id) => [id, { confirmed: 0, waitlisted: 0 }]));
    if (!eventIds.length) return counts;
    const rows: { eventId: string; status: RegistrationStatus; n: string }[] = await this.repo
      .createQueryBuilder('r')
      .select('r.eventId', 'eventId')
      .addSelect('r.status', 'status')
      .addSelect('count(*)', 'n')
      .where('r.businessId = :businessId', { businessId: this.scoped(businessId).businessId })
      .andWhere('r.eventId IN (:...eventIds)', { eventIds })
      .andWhere('r.status <> :cancelled', { cancelled: RegistrationStatus.cancelled })
      .groupBy('r.eventId')
      .addGroupBy('r.status')
      .getRawMany();
    for (const row of rows) {
      const c = counts.get(row.eventId)!;
      if (row.status === RegistrationStatus.confirmed) c.confirmed = Number(row.n);
      if (row.status === RegistrationStatus.waitlisted) c.waitlisted = Number(row.n);
    }
    return counts;
  }

  /** The `limit` longest-waiting waitlisted registrations, in admission order. */
  oldestWaitlisted(businessId: string, eventId: string, limit?: number): Promise<EventRegistration[]> {
    return this.repo.find({
      where: this.scoped(businessId, { eventId, status: RegistrationStatus.waitlisted }),
      order: { seq: 'ASC' },
      take: limit,
    });
  }

  live(businessId: string, eventId: string): Promise<EventRegistration[]> {
    return this.repo.find({
      where: this.scoped(businessId, { eventId, status: In([RegistrationStatus.confirmed, RegistrationStatus.waitlisted]) }),
      order: { seq: 'ASC' },
    });
  }

  pageForEvent(
    businessId: string,
    eventId: string,
    status: RegistrationStatus | undefined,
    page: { offset: number; limit: number },
  ): Promise<[EventRegistration[], number]> {
    return this.findPage(businessId, { where: status ? { eventId, status } : { eventId }, order: { seq: 'ASC' } }, page);
  }

  async saveAll(businessId: string, rows: EventRegistration[]): Promise<void> {
    if (rows.some((r) => r.businessId !== businessId)) throw new Error('registration of another business');
    await this.repo.save(rows);
  }

  /** Marks it paid by `paymentId`, once (a later payment does not replace the first). */
  async markPaid(businessId: string, id: string, paymentId: string, at: Date): Promise<boolean> {
    const rows = await this.sql<{ id: string }>(
      `UPDATE event_registrations SET paid_at = $4, payment_id = $3 WHERE business_id = $1 AND id = $2 AND paid_at IS NULL RETURNING id`,
      [businessId, id, paymentId, at],
    );
    return rows.length > 0;
  }

  /** Registrations made in the period (by `created_at`), counted per bucket and current status. */
  async countsByCreation(
    businessId: string,
    period: ReportingPeriod,
  ): Promise<{ bucket: string; status: RegistrationStatus; count: number }[]> {
    this.scoped(businessId);
    return this.sql(
      `SELECT ${sqlBucket('created_at', '$4', '$5')} AS bucket, status, count(*)::int AS count
         FROM event_registrations WHERE business_id = $1 AND created_at >= $2 AND created_at < $3
        GROUP BY 1, 2`,
      [businessId, period.from, period.to, period.granularity, period.timeZone],
    );
  }
}
