import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { IdempotencyKey } from './idempotency-key.entity';

@Injectable()
export class IdempotencyRepository extends TenantRepository<IdempotencyKey> {
  constructor(@InjectRepository(IdempotencyKey) repo: Repository<IdempotencyKey>) {
    super(repo);
  }

  async find(businessId: string, scope: string, key: string): Promise<IdempotencyKey | null> {
    return this.findOne(businessId, { scope, key });
  }

  /**
   * Claims the key inside the caller's transaction. While another transaction
   * holds an uncommitted claim this waits on the unique index; false means the
   * key is (now) taken by a committed request.
   */
  async claim(businessId: string, scope: string, key: string, requestHash: string): Promise<boolean> {
    this.scoped(businessId);
    const result = await this.repo
      .createQueryBuilder()
      .insert()
      .values({ businessId, scope, key, requestHash, responseStatus: 0, responseBody: {} })
      .orIgnore()
      .returning(['id'])
      .execute();
    return result.raw.length > 0;
  }

  async complete(businessId: string, scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.repo.update(this.scoped(businessId, { scope, key }), { responseStatus: status, responseBody: body as object });
  }

  /** Housekeeping: keys older than `before` (every business). */
  async purgeOlderThan(before: Date): Promise<number> {
    const result = await this.repo.delete({ createdAt: LessThan(before) });
    return result.affected ?? 0;
  }
}
