import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Not, Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { isUuid } from '../../common/validation/uuid';
import { Subscriber, SubscriberChannel, SubscriptionStatus } from './entities/subscriber.entity';

export interface SubscriberFilter {
  list?: string;
  status?: SubscriptionStatus;
  channel?: SubscriberChannel;
  q?: string;
}

export type NewSubscriber = Omit<Subscriber, 'id' | 'businessId' | 'business' | 'customer' | 'createdAt' | 'updatedAt'>;

const likeContains = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class SubscribersRepository extends TenantRepository<Subscriber> {
  constructor(@InjectRepository(Subscriber) repo: Repository<Subscriber>) {
    super(repo);
  }

  findByEmail(businessId: string, email: string): Promise<Subscriber | null> {
    return this.findOne(businessId, { email });
  }

  findByPhone(businessId: string, phone: string): Promise<Subscriber | null> {
    return this.findOne(businessId, { phone });
  }

  /** Ids of the subscribers on `list` with an address on the channel, in id order after `afterId` (keyset paging: a campaign's batches). */
  async idsOnListAfter(
    businessId: string,
    list: string,
    channel: SubscriberChannel,
    afterId: string | null,
    limit: number,
  ): Promise<string[]> {
    this.scoped(businessId);
    const address = channel === SubscriberChannel.email ? 'email' : 'phone';
    const rows = await this.sql<{ id: string }>(
      `SELECT id FROM subscribers WHERE business_id = $1 AND lists @> ARRAY[$2]::text[] AND ${address} IS NOT NULL
         AND ($3::uuid IS NULL OR id > $3::uuid) ORDER BY id LIMIT $4`,
      [businessId, list, afterId, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Whether another subscriber of the business (not `exceptId`) holds this address. */
  async contactTaken(businessId: string, field: 'email' | 'phone', value: string, exceptId?: string): Promise<boolean> {
    const where = exceptId ? { [field]: value, id: Not(exceptId) } : { [field]: value };
    return (await this.count(businessId, where)) > 0;
  }

  /** Inserts unless the email or phone is already taken (`ON CONFLICT DO NOTHING`); the new row, or null when another won. */
  async insertIfAbsent(businessId: string, data: Partial<NewSubscriber>): Promise<Subscriber | null> {
    this.scoped(businessId);
    const result = await this.repo
      .createQueryBuilder()
      .insert()
      .into(Subscriber)
      .values({ ...data, businessId })
      .orIgnore()
      .returning(['id'])
      .execute();
    const id = (result.raw as { id: string }[])[0]?.id;
    return id ? this.findById(businessId, id) : null;
  }

  page(businessId: string, filter: SubscriberFilter, page: { offset: number; limit: number }): Promise<[Subscriber[], number]> {
    const qb = this.repo.createQueryBuilder('s').where('s.businessId = :businessId', { businessId: this.scoped(businessId).businessId });
    if (filter.list) qb.andWhere('s.lists @> ARRAY[:list]::text[]', { list: filter.list });
    if (filter.channel === SubscriberChannel.email) {
      qb.andWhere(filter.status ? 's.emailStatus = :status' : 's.email IS NOT NULL', { status: filter.status });
    } else if (filter.channel === SubscriberChannel.sms) {
      qb.andWhere(filter.status ? 's.smsStatus = :status' : 's.phone IS NOT NULL', { status: filter.status });
    } else if (filter.status) {
      qb.andWhere('(s.emailStatus = :status OR s.smsStatus = :status)', { status: filter.status });
    }
    if (filter.q) {
      const like = likeContains(filter.q.trim().toLowerCase());
      const digits = filter.q.replace(/\D/g, '');
      qb.andWhere(
        new Brackets((w) => {
          w.where('lower(s.name) LIKE :like', { like }).orWhere('s.email LIKE :like', { like });
          if (digits.length >= 3) w.orWhere('s.phone LIKE :digits', { digits: `%${digits.replace(/^0/, '')}%` });
        }),
      );
    }
    return qb.orderBy('s.createdAt', 'DESC').addOrderBy('s.id', 'ASC').skip(page.offset).take(page.limit).getManyAndCount();
  }

  /**
   * The businesses with a subscriber at this phone or email. Deliberately
   * across tenants: an SMS reply (STOP) or a report at the email provider
   * names a person, not a business.
   */
  async businessIdsHolding(field: 'email' | 'phone', value: string): Promise<string[]> {
    const rows: { business_id: string }[] = await this.repo
      .createQueryBuilder('s')
      .select('DISTINCT s.business_id', 'business_id')
      .where(`s.${field} = :value`, { value })
      .getRawMany();
    return rows.map((r) => r.business_id);
  }

  /**
   * Moves the channel of the subscriber at `address` to `status` in one
   * conditional statement, only from one of `from` (so of repeated or
   * concurrent calls exactly one changes it); unsubscribing stamps when. The
   * changed subscriber, or null when none was in one of those states.
   */
  async moveChannel(
    businessId: string,
    channel: SubscriberChannel,
    address: string,
    status: SubscriptionStatus,
    from: SubscriptionStatus[],
  ): Promise<{ id: string; customerId: string | null } | null> {
    const email = channel === SubscriberChannel.email;
    const result = await this.repo
      .createQueryBuilder()
      .update(Subscriber)
      .set({
        [email ? 'emailStatus' : 'smsStatus']: status,
        ...(status === SubscriptionStatus.unsubscribed ? { [email ? 'emailUnsubscribedAt' : 'smsUnsubscribedAt']: () => 'now()' } : {}),
      })
      .where(`business_id = :businessId AND ${email ? 'email' : 'phone'} = :address AND ${email ? 'email' : 'sms'}_status IN (:...from)`, {
        businessId: this.scoped(businessId).businessId,
        address,
        from,
      })
      .returning(['id', 'customerId'])
      .execute();
    const row = (result.raw as { id: string; customer_id: string | null }[])[0];
    return row ? { id: row.id, customerId: row.customer_id } : null;
  }

  /** A subscriber a signed link names; the link carries the business, so the lookup stays scoped. */
  findForLink(businessId: string, id: string): Promise<Subscriber | null> {
    if (!isUuid(businessId) || !isUuid(id)) return Promise.resolve(null);
    return this.findById(businessId, id);
  }
}
