import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, In, Repository } from 'typeorm';
import { isUuid, TenantRepository } from '../../common/tenancy/tenant.repository';
import { Calendar } from './entities/calendar.entity';

@Injectable()
export class CalendarsRepository extends TenantRepository<Calendar> {
  constructor(@InjectRepository(Calendar) repo: Repository<Calendar>) {
    super(repo);
  }

  async page(businessId: string, filter: { active?: boolean }, page: { offset: number; limit: number }): Promise<[Calendar[], number]> {
    const where: FindOptionsWhere<Calendar> = filter.active === undefined ? {} : { active: filter.active };
    return this.findPage(businessId, { where, order: { name: 'ASC', createdAt: 'ASC' } }, page);
  }

  async findByMember(businessId: string, memberId: string): Promise<Calendar | null> {
    return this.findOne(businessId, { memberId });
  }

  async findManyByIds(businessId: string, ids: string[]): Promise<Calendar[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? this.findMany(businessId, { id: In(valid) }) : [];
  }

  /** The iCalendar feed authenticates by calendar id + token, before any business is known. */
  async findForFeed(id: string): Promise<Calendar | null> {
    return isUuid(id) ? this.repo.findOneBy({ id }) : null;
  }

  async setFeedTokenHash(businessId: string, id: string, hash: string | null): Promise<void> {
    await this.repo.update(this.scoped(businessId, { id }), { feedTokenHash: hash });
  }
}
