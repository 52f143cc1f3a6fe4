import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ManagerBoundRepository } from '../../common/database/manager-bound.repository';
import { MissingTenantError } from '../../common/tenancy/tenant.repository';
import { isUuid } from '../../common/validation/uuid';
import type { AudienceRule } from './audience/audience-rule';
import { type AudienceClock, audienceCondition, SqlParams } from './audience/audience-sql';
import { Customer } from './entities/customer.entity';

/**
 * The customers an audience rule selects: one parameterised query over the
 * business's live (not archived) customers, the rule compiled by
 * `audienceCondition`.
 */
@Injectable()
export class CustomerAudienceRepository extends ManagerBoundRepository<Customer> {
  constructor(@InjectRepository(Customer) repo: Repository<Customer>) {
    super(repo);
  }

  private where(businessId: string, rule: AudienceRule, clock: AudienceClock): { where: string; params: SqlParams } {
    if (!isUuid(businessId)) throw new MissingTenantError();
    const params = new SqlParams();
    const tenant = params.add(businessId);
    const condition = audienceCondition(rule, clock, params);
    return { where: `c.business_id = ${tenant} AND c.archived_at IS NULL AND ${condition}`, params };
  }

  async count(businessId: string, rule: AudienceRule, clock: AudienceClock): Promise<number> {
    const { where, params } = this.where(businessId, rule, clock);
    const [row] = await this.sql<{ n: string }>(`SELECT count(*) AS n FROM customers c WHERE ${where}`, params.values);
    return Number(row.n);
  }

  /** A page of members, newest first. */
  async page(businessId: string, rule: AudienceRule, clock: AudienceClock, page: { offset: number; limit: number }): Promise<Customer[]> {
    const { where, params } = this.where(businessId, rule, clock);
    const rows = await this.sql<Record<string, unknown>>(
      `SELECT c.* FROM customers c WHERE ${where} ORDER BY c.created_at DESC, c.id DESC LIMIT ${params.add(page.limit)} OFFSET ${params.add(page.offset)}`,
      params.values,
    );
    return this.hydrate(rows);
  }

  /** Members' ids in id order after `afterId` (keyset paging for sending to a whole audience). */
  async idsAfter(businessId: string, rule: AudienceRule, clock: AudienceClock, afterId: string | null, limit: number): Promise<string[]> {
    const { where, params } = this.where(businessId, rule, clock);
    const after = afterId ? ` AND c.id > ${params.add(afterId)}::uuid` : '';
    const rows = await this.sql<{ id: string }>(
      `SELECT c.id FROM customers c WHERE ${where}${after} ORDER BY c.id LIMIT ${params.add(limit)}`,
      params.values,
    );
    return rows.map((r) => r.id);
  }

  /** Whether one customer is a member now. */
  async matches(businessId: string, rule: AudienceRule, clock: AudienceClock, customerId: string): Promise<boolean> {
    if (!isUuid(customerId)) return false;
    const { where, params } = this.where(businessId, rule, clock);
    const rows = await this.sql(`SELECT 1 FROM customers c WHERE ${where} AND c.id = ${params.add(customerId)}::uuid`, params.values);
    return rows.length > 0;
  }
}
