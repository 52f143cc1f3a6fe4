import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TenantRepository, isUuid } from '../../common/tenancy/tenant.repository';
import { BusinessEvent, EventStatus } from './entities/business-event.entity';

export interface EventFilter {
  when?: 'upcoming' | 'past';
  status?: EventStatus;
}

@Injectable()
export class EventsRepository extends TenantRepository<BusinessEvent> {
  constructor(@InjectRepository(BusinessEvent) repo: Repository<BusinessEvent>) {
    super(repo);
  }

  /**
   * The event row, locked `FOR UPDATE` until the transaction ends: every
   * change to its registrations goes through this lock, so they are
   * serialised per event and capacity is never exceeded. Call on a
   * repository bound to the transaction (`withManager`).
   */
  lockById(businessId: string, id: string): Promise<BusinessEvent | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.repo.findOne({ where: this.scoped(businessId, { id }), lock: { mode: 'pessimistic_write' } });
  }

  page(businessId: string, filter: EventFilter, page: { offset: number; limit: number }, now: Date): Promise<[BusinessEvent[], number]> {
    const qb = this.repo.createQueryBuilder('e').where('e.businessId = :businessId', { businessId: this.scoped(businessId).businessId });
    if (filter.status) qb.andWhere('e.status = :status', { status: filter.status });
    if (filter.when === 'upcoming') qb.andWhere('e.endsAt > :now', { now });
    if (filter.when === 'past') qb.andWhere('e.endsAt <= :now', { now });
    qb.orderBy('e.startsAt', filter.when === 'upcoming' ? 'ASC' : 'DESC').addOrderBy('e.id', 'ASC');
    return qb.skip(page.offset).take(page.limit).getManyAndCount();
  }

  /** Published events that have not ended, soonest first: what the public sees. */
  pagePublished(businessId: string, page: { offset: number; limit: number }, now: Date): Promise<[BusinessEvent[], number]> {
    return this.page(businessId, { when: 'upcoming', status: EventStatus.published }, page, now);
  }
}
