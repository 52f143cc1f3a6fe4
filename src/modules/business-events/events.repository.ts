import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
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
