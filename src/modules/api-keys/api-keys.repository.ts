import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { isUuid } from '../../common/validation/uuid';
import { ApiKey } from './entities/api-key.entity';

@Injectable()
export class ApiKeysRepository extends TenantRepository<ApiKey> {
  constructor(@InjectRepository(ApiKey) repo: Repository<ApiKey>) {
    super(repo);
  }

  /** Authentication finds a key by its public prefix before any business is known. */
  findActiveByPrefix(prefix: string): Promise<ApiKey | null> {
    return this.repo.findOneBy({ prefix, revokedAt: IsNull() });
  }

  pageActive(businessId: string, page: { offset: number; limit: number }): Promise<[ApiKey[], number]> {
    return this.findPage(businessId, { where: { revokedAt: IsNull() }, order: { createdAt: 'DESC' } }, page);
  }

  /** Revokes an active key in one conditional statement: of concurrent revocations exactly one succeeds. */
  async revoke(businessId: string, id: string, at: Date): Promise<boolean> {
    if (!isUuid(id)) return false;
    const result = await this.repo.update(this.scoped(businessId, { id, revokedAt: IsNull() }), { revokedAt: at });
    return (result.affected ?? 0) > 0;
  }

  async revokeCreatedBy(businessId: string, userId: string, at: Date): Promise<string[]> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ revokedAt: at })
      .where('business_id = :businessId AND created_by_user_id = :userId AND revoked_at IS NULL', {
        businessId: this.scoped(businessId).businessId,
        userId,
      })
      .returning('id')
      .execute();
    return (result.raw as { id: string }[]).map((r) => r.id);
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.repo.update({ id }, { lastUsedAt: at });
  }
}
