import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { isUuid } from '../../common/validation/uuid';
import { CustomerFact, type CustomerFactKind } from './entities/customer-fact.entity';

@Injectable()
export class CustomerFactsRepository extends TenantRepository<CustomerFact> {
  constructor(@InjectRepository(CustomerFact) repo: Repository<CustomerFact>) {
    super(repo);
  }

  /** Records that the customer did `kind` for `refId` at `at` (again: only the latest time moves). */
  async record(businessId: string, customerId: string, kind: CustomerFactKind, refId: string, at: Date): Promise<void> {
    if (!isUuid(customerId) || !isUuid(refId)) return;
    await this.sql(
      `INSERT INTO customer_facts (business_id, customer_id, kind, ref_id, first_at, last_at)
       SELECT $1, c.id, $3, $4, $5, $5 FROM customers c WHERE c.business_id = $1 AND c.id = $2
       ON CONFLICT (customer_id, kind, ref_id) DO UPDATE SET last_at = GREATEST(customer_facts.last_at, EXCLUDED.last_at)`,
      [this.scoped(businessId).businessId, customerId, kind, refId, at],
    );
  }
}
