import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
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

  findActive(businessId: string, id: string): Promise<ApiKey | null> {
    return this.findOne(businessId, { id, revokedAt: IsNull() });
  }

  pageActive(businessId: string, page: { offset: number; limit: number }): Promise<[ApiKey[], number]> {
    return this.findPage(businessId, { where: { revokedAt: IsNull() }, order: { createdAt: 'DESC' } }, page);
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.repo.update({ id }, { lastUsedAt: at });
  }
}
