import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, Repository } from 'typeorm';
import { ManagerBoundRepository } from '../../common/database/manager-bound.repository';
import { RefreshToken } from './entities/refresh-token.entity';

/**
 * Refresh tokens are found by their hash before the business is known, so the
 * lookups here are by hash or family; writes carry the business id.
 */
@Injectable()
export class RefreshTokensRepository extends ManagerBoundRepository<RefreshToken> {
  constructor(@InjectRepository(RefreshToken) repo: Repository<RefreshToken>) {
    super(repo);
  }

  create(
    data: Pick<RefreshToken, 'businessId' | 'userId' | 'familyId' | 'tokenHash' | 'expiresAt' | 'userAgent' | 'ip'>,
  ): Promise<RefreshToken> {
    return this.repo.save(this.repo.create({ ...data, rotatedAt: null, revokedAt: null }));
  }

  /** Locks the row so two refreshes with the same token cannot both rotate it. */
  findByHashForUpdate(tokenHash: string): Promise<RefreshToken | null> {
    return this.repo.findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  async markRotated(id: string): Promise<void> {
    await this.repo.update({ id }, { rotatedAt: new Date() });
  }

  async revokeFamily(familyId: string): Promise<number> {
    const result = await this.repo.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return result.affected ?? 0;
  }

  async revokeForMember(businessId: string, userId: string): Promise<number> {
    const result = await this.repo.update({ businessId, userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return result.affected ?? 0;
  }

  /** Ends every session of a user, in every business (a password was reset or changed). */
  async revokeForUser(userId: string): Promise<number> {
    const result = await this.repo.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return result.affected ?? 0;
  }

  /** Deletes tokens that expired before `before`; returns how many. */
  async deleteExpired(before: Date): Promise<number> {
    const result = await this.repo.delete({ expiresAt: LessThan(before) });
    return result.affected ?? 0;
  }
}
