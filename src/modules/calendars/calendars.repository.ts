import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FindOptionsWhere, In, Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { isUuid } from '../../common/validation/uuid';
import { Calendar, CalendarKind } from './entities/calendar.entity';

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

  async setFeedToken(businessId: string, id: string, feed: { hash: string; issuedBy: string | null } | null): Promise<void> {
    await this.repo.update(this.scoped(businessId, { id }), {
      feedTokenHash: feed?.hash ?? null,
      feedTokenIssuedBy: feed?.issuedBy ?? null,
    });
  }

  /**
   * Unpublishes the feeds a removed member published, and the feed of their
   * own calendar (by then a member calendar without a member: the foreign key
   * set it null); how many were live.
   */
  async revokeFeedsOfRemovedMember(businessId: string, userId: string): Promise<number> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ feedTokenHash: null, feedTokenIssuedBy: null })
      .where(
        `business_id = :businessId AND feed_token_hash IS NOT NULL
         AND (feed_token_issued_by = :userId OR (kind = :member AND member_id IS NULL))`,
        { businessId: this.scoped(businessId).businessId, userId, member: CalendarKind.member },
      )
      .execute();
    return result.affected ?? 0;
  }
}
