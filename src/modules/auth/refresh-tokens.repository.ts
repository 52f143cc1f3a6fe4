import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, LessThan, Repository } from 'typeorm';
import { RefreshToken } from './entities/refresh-token.entity';

/**
 * Refresh tokens are found by their hash before the business is known, so the
 * lookups here are by hash or family; writes carry the business id.
 */
@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectRepository(RefreshToken) private readonly repo: Repository<RefreshToken>) {}

  private r(manager?: EntityManager): Repository<RefreshToken> {
    return manager ? manager.getRepository(RefreshToken) : this.repo;
  }

  create(
    data: Pick<RefreshToken, 'businessId' | 'userId' | 'familyId' | 'tokenHash' | 'expiresAt' | 'userAgent' | 'ip'>,
    manager?: EntityManager,
  ): Promise<RefreshToken> {
    const repo = this.r(manager);
    return repo.save(repo.create({ ...data, rotatedAt: null, revokedAt: null }));
  }

  /** Locks the row so two refreshes with the same token cannot both rotate it. */
  findByHashForUpdate(tokenHash: string, manager: EntityManager): Promise<RefreshToken | null> {
    return this.r(manager).findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  async markRotated(id: string, manager: EntityManager): Promise<void> {
    await this.r(manager).update({ id }, { rotatedAt: new Date() });
  }

  async revokeFamily(familyId: string, manager?: EntityManager): Promise<number> {
    const result = await this.r(manager).update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return result.affected ?? 0;
  }

  async revokeForMember(businessId: string, userId: string): Promise<number> {
    const result = await this.repo.update({ businessId, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return result.affected ?? 0;
  }

  /** Deletes tokens that expired before `before`; returns how many. */
  async deleteExpired(before: Date): Promise<number> {
    const result = await this.repo.delete({ expiresAt: LessThan(before) });
    return result.affected ?? 0;
  }
}
