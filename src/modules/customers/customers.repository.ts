import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { type BucketRow, type ReportingPeriod, sqlBucket } from '../../common/time/reporting-period';
import { isUuid } from '../../common/validation/uuid';
import { CUSTOMER_FIELDS, CUSTOMER_ROW_COLUMNS, type CustomerRow } from './customer-fields';
import { likeContains, searchTerms } from './customer-search';
import { Customer } from './entities/customer.entity';

export type CustomerSortField = 'createdAt' | 'updatedAt' | 'firstName' | 'lastName' | 'lastActivityAt' | 'totalSpendAgorot' | 'visitCount';

export interface CustomerFilter {
  q?: string;
  /** Customers carrying every one of these tags. */
  tags?: string[];
  /** `email`/`sms`: consented on that channel; `none`: on neither. */
  consent?: 'email' | 'sms' | 'none';
  createdFrom?: Date;
  createdTo?: Date;
  /** `active` (default): not archived; `archived`: only archived; `all`. */
  archived?: 'active' | 'archived' | 'all';
}

export interface CustomerSort {
  field: CustomerSortField;
  direction: 'ASC' | 'DESC';
}

/** The column each sort field orders by (a fixed list: never user text in SQL). */
const SORT_COLUMNS: Record<CustomerSortField, string> = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  firstName: 'first_name',
  lastName: 'last_name',
  lastActivityAt: 'last_activity_at',
  totalSpendAgorot: 'total_spend_agorot',
  visitCount: 'visit_count',
};

@Injectable()
export class CustomersRepository extends TenantRepository<Customer> {
  constructor(@InjectRepository(Customer) repo: Repository<Customer>) {
    super(repo);
  }

  /** Several customers by id in one query (ids that are not uuids are ignored). */
  findByIds(businessId: string, ids: string[]): Promise<Customer[]> {
    const valid = [...new Set(ids.filter(isUuid))];
    return valid.length ? this.findMany(businessId, { id: In(valid) }) : Promise.resolve([]);
  }

  findByPhone(businessId: string, phone: string): Promise<Customer | null> {
    return this.findOne(businessId, { phone });
  }

  findByEmail(businessId: string, email: string): Promise<Customer | null> {
    return this.findOne(businessId, { email });
  }

  /** Every customer of the business holding one of these phones or emails. */
  async findByContacts(businessId: string, phones: string[], emails: string[]): Promise<Customer[]> {
    const where = [];
    if (phones.length) where.push(this.scoped(businessId, { phone: In(phones) }));
    if (emails.length) where.push(this.scoped(businessId, { email: In(emails) }));
    if (!where.length) return [];
    return this.repo.find({ where });
  }

  /**
   * Inserts unless the phone or email is already taken in the business
   * (`ON CONFLICT DO NOTHING`, so a race never aborts the caller's
   * transaction). Returns the new id, or null when another row won.
   */
  async insertIfAbsent(businessId: string, data: CustomerRow): Promise<string | null> {
    this.scoped(businessId);
    const result = await this.repo
      .createQueryBuilder()
      .insert()
      .into(Customer)
      .values({ ...data, businessId })
      .orIgnore()
      .returning(['id'])
      .execute();
    const row = result.raw as { id: string }[];
    return row[0]?.id ?? null;
  }

  /**
   * Inserts many rows in one statement (the rows travel as one jsonb
   * parameter: far cheaper than thousands of bound values); any conflict
   * fails the whole statement. The columns and their SQL types are the
   * entity's, for the columns a new customer's row holds.
   */
  async insertMany(businessId: string, rows: CustomerRow[]): Promise<number> {
    const tenant = this.scoped(businessId).businessId;
    if (!rows.length) return 0;
    const columns = CUSTOMER_ROW_COLUMNS.map((property) => {
      const column = this.repo.metadata.findColumnWithPropertyName(property)!;
      return { property, name: column.databaseName, type: `${String(column.type)}${column.isArray ? '[]' : ''}` };
    });
    const payload = rows.map((r) => Object.fromEntries(columns.map((c) => [c.name, r[c.property] ?? null])));
    await this.repo.query(
      `INSERT INTO customers (business_id, ${columns.map((c) => c.name).join(', ')})
       SELECT $1, ${columns.map((c) => `x.${c.name}`).join(', ')}
       FROM jsonb_to_recordset($2::jsonb) AS x(${columns.map((c) => `${c.name} ${c.type}`).join(', ')})`,
      [tenant, JSON.stringify(payload)],
    );
    return rows.length;
  }

  /**
   * Archives (`at`) or restores (null) in one conditional statement, so of
   * concurrent requests exactly one changes the row: `changed`, else
   * `unchanged` (already so) or `missing`.
   */
  async setArchived(businessId: string, id: string, at: Date | null): Promise<'changed' | 'unchanged' | 'missing'> {
    if (!isUuid(id)) return 'missing';
    const result = await this.repo
      .createQueryBuilder()
      .update(Customer)
      .set({ archivedAt: at })
      .where(`business_id = :businessId AND id = :id AND archived_at IS ${at ? 'NULL' : 'NOT NULL'}`, {
        businessId: this.scoped(businessId).businessId,
        id,
      })
      .execute();
    if (result.affected) return 'changed';
    return (await this.count(businessId, { id })) ? 'unchanged' : 'missing';
  }

  /**
   * The businesses with a customer at this phone or email. Deliberately across
   * tenants: an SMS reply (STOP) or a report at the email provider names a
   * person, not a business, and a refusal must reach every business that has them.
   */
  async businessIdsHolding(field: 'email' | 'phone', value: string): Promise<string[]> {
    const rows: { business_id: string }[] = await this.repo
      .createQueryBuilder('c')
      .select('DISTINCT c.business_id', 'business_id')
      .where(`c.${field} = :value`, { value })
      .getRawMany();
    return rows.map((r) => r.business_id);
  }

  /** Withdraws marketing consent for a channel in one conditional statement; true when it changed. */
  async withdrawConsent(businessId: string, id: string, channel: 'email' | 'sms'): Promise<boolean> {
    if (!isUuid(id)) return false;
    const column = channel === 'email' ? 'email_consent' : 'sms_consent';
    const result = await this.repo
      .createQueryBuilder()
      .update(Customer)
      .set({
        [channel === 'email' ? 'emailConsent' : 'smsConsent']: false,
        [channel === 'email' ? 'emailConsentAt' : 'smsConsentAt']: () => 'now()',
      })
      .where(`business_id = :businessId AND id = :id AND ${column} = true`, { businessId: this.scoped(businessId).businessId, id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * Live customers whose date falls on `day` (`YYYY-MM-DD`, in `timeZone`): the
   * local day of their last visit or of when they were added, or their birthday's
   * month and day. Up to `limit` ids after `afterId`, in id order.
   */
  async idsWithDateOn(
    businessId: string,
    date: 'lastVisit' | 'createdAt' | 'birthday',
    day: string,
    timeZone: string,
    afterId: string | null,
    limit: number,
  ): Promise<string[]> {
    const params: unknown[] = [this.scoped(businessId).businessId, afterId, day, limit];
    const on =
      date === 'birthday'
        ? `to_char(birthday, 'MM-DD') = to_char($3::date, 'MM-DD')`
        : `(${date === 'lastVisit' ? 'last_visit_at' : 'created_at'} AT TIME ZONE $${params.push(timeZone)})::date = $3::date`;
    const rows = await this.sql<{ id: string }>(
      `SELECT id FROM customers
        WHERE business_id = $1 AND archived_at IS NULL AND ${on} AND ($2::uuid IS NULL OR id > $2::uuid)
        ORDER BY id LIMIT $4`,
      params,
    );
    return rows.map((r) => r.id);
  }

  /** Puts a tag on (`add`) or takes it off a customer in one conditional statement; true when the tags changed. */
  async changeTag(businessId: string, id: string, tag: string, add: boolean): Promise<boolean> {
    if (!isUuid(id)) return false;
    const rows = await this.sql<{ id: string }>(
      add
        ? `UPDATE customers SET tags = array_append(tags, $3)
            WHERE business_id = $1 AND id = $2 AND NOT ($3 = ANY(tags)) AND cardinality(tags) < ${CUSTOMER_FIELDS.tags.maxItems} RETURNING id`
        : `UPDATE customers SET tags = array_remove(tags, $3) WHERE business_id = $1 AND id = $2 AND $3 = ANY(tags) RETURNING id`,
      [this.scoped(businessId).businessId, id, tag],
    );
    return rows.length > 0;
  }

  async recordVisit(businessId: string, id: string, at: Date): Promise<boolean> {
    if (!isUuid(id)) return false;
    const result = await this.repo
      .createQueryBuilder()
      .update(Customer)
      .set({
        visitCount: () => 'visit_count + 1',
        lastActivityAt: () => 'GREATEST(last_activity_at, :at)',
        lastVisitAt: () => 'GREATEST(last_visit_at, :at)',
      })
      .setParameter('at', at)
      .where('business_id = :businessId AND id = :id', { businessId: this.scoped(businessId).businessId, id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Adds to (or, negative, takes from) the customer's total spend, and marks the activity; false when there is no such customer. */
  async addSpend(businessId: string, id: string, deltaAgorot: number, at: Date): Promise<boolean> {
    if (!isUuid(id)) return false;
    const result = await this.repo
      .createQueryBuilder()
      .update(Customer)
      .set({
        totalSpendAgorot: () => 'total_spend_agorot + :delta',
        lastActivityAt: () => 'GREATEST(last_activity_at, :at)',
        ...(deltaAgorot > 0 ? { lastPaidAt: () => 'GREATEST(last_paid_at, :at)' } : {}),
      })
      .setParameters({ delta: deltaAgorot, at })
      .where('business_id = :businessId AND id = :id', { businessId: this.scoped(businessId).businessId, id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * One page of the filtered customers and, unless `withTotal` is false, how
   * many match in all: two plain queries run side by side (the default page
   * reads the `(business_id, created_at DESC, id)` index of live customers;
   * `count(*)`, not TypeORM's `COUNT(DISTINCT id)`, which sorts every id).
   */
  async search(
    businessId: string,
    filter: CustomerFilter,
    sort: CustomerSort,
    page: { offset: number; limit: number },
    withTotal = true,
  ): Promise<[Customer[], number | null]> {
    const { where, params } = this.filtered(businessId, filter);
    const order = `${SORT_COLUMNS[sort.field]} ${sort.direction} NULLS LAST, id ASC`;
    const n = params.length;
    const [rows, counted] = await Promise.all([
      this.sql<Record<string, unknown>>(`SELECT * FROM customers WHERE ${where} ORDER BY ${order} LIMIT $${n + 1} OFFSET $${n + 2}`, [
        ...params,
        page.limit,
        page.offset,
      ]),
      withTotal ? this.sql<{ total: number }>(`SELECT count(*)::int AS total FROM customers WHERE ${where}`, params) : null,
    ]);
    return [this.hydrate(rows), counted ? counted[0].total : null];
  }

  /**
   * The filtered customers in batches, oldest first, by keyset pagination
   * (no long-lived cursor or transaction while the client reads slowly).
   */
  async *streamBatches(businessId: string, filter: CustomerFilter, batchSize = 1000): AsyncGenerator<Customer[]> {
    const { where, params } = this.filtered(businessId, filter);
    const n = params.length;
    let after: [Date, string] | null = null;
    for (;;) {
      const rows = this.hydrate(
        await this.sql<Record<string, unknown>>(
          `SELECT * FROM customers WHERE ${where}${after ? ` AND (created_at, id) > ($${n + 2}, $${n + 3})` : ''}
            ORDER BY created_at ASC, id ASC LIMIT $${n + 1}`,
          [...params, batchSize, ...(after ?? [])],
        ),
      );
      if (rows.length) yield rows;
      if (rows.length < batchSize) return;
      const last = rows[rows.length - 1];
      after = [last.createdAt, last.id];
    }
  }

  /** Customers created in the period (archived ones too: they were new then), counted per bucket. */
  async countNewByBucket(businessId: string, period: ReportingPeriod): Promise<BucketRow<'count'>[]> {
    return this.sql(
      `SELECT ${sqlBucket('created_at', '$4', '$5')} AS bucket, count(*)::int AS count
         FROM customers WHERE business_id = $1 AND created_at >= $2 AND created_at < $3 GROUP BY 1`,
      [this.scoped(businessId).businessId, period.from, period.to, period.granularity, period.timeZone],
    );
  }

  /** The WHERE clause of a filter, with its parameters ($1 is the business). */
  private filtered(businessId: string, filter: CustomerFilter): { where: string; params: unknown[] } {
    const params: unknown[] = [this.scoped(businessId).businessId];
    const clauses = ['business_id = $1'];
    const param = (value: unknown) => `$${params.push(value)}`;
    const archived = filter.archived ?? 'active';
    if (archived === 'active') clauses.push('archived_at IS NULL');
    if (archived === 'archived') clauses.push('archived_at IS NOT NULL');
    if (filter.q) for (const term of searchTerms(filter.q)) clauses.push(`search_text LIKE ${param(likeContains(term))}`);
    if (filter.tags?.length) clauses.push(`tags @> ${param(filter.tags)}::text[]`);
    if (filter.consent === 'email') clauses.push('email_consent');
    if (filter.consent === 'sms') clauses.push('sms_consent');
    if (filter.consent === 'none') clauses.push('NOT email_consent AND NOT sms_consent');
    if (filter.createdFrom) clauses.push(`created_at >= ${param(filter.createdFrom)}`);
    if (filter.createdTo) clauses.push(`created_at <= ${param(filter.createdTo)}`);
    return { where: clauses.join(' AND '), params };
  }
}
