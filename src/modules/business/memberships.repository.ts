import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Role } from '../../common/auth/role';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { Membership, MembershipStatus } from './entities/membership.entity';

export interface MembershipWithBusiness {
  businessId: string;
  businessName: string;
  role: Role;
}

@Injectable()
export class MembershipsRepository extends TenantRepository<Membership> {
  constructor(@InjectRepository(Membership) repo: Repository<Membership>) {
    super(repo);
  }

  /**
   * The active membership of a user in a business, with the user: the one
   * query the auth guard makes per request (a single indexed join; `findOne`
   * with relations would add a second, DISTINCT query).
   */
  findActive(businessId: string, userId: string): Promise<Membership | null> {
    this.scoped(businessId);
    return this.repo
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.user', 'u')
      .where('m.business_id = :businessId AND m.user_id = :userId AND m.status = :status', {
        businessId,
        userId,
        status: MembershipStatus.active,
      })
      .getOne();
  }

  /** A user's businesses, oldest membership first (the default business at login). */
  async listForUser(userId: string): Promise<MembershipWithBusiness[]> {
    const rows = await this.repo
      .createQueryBuilder('m')
      .innerJoin('m.business', 'b')
      .select(['m.business_id AS "businessId"', 'b.name AS "businessName"', 'm.role AS role'])
      .where('m.user_id = :userId AND m.status = :status', { userId, status: MembershipStatus.active })
      .orderBy('m.created_at', 'ASC')
      .getRawMany<MembershipWithBusiness>();
    return rows;
  }

  findWithUser(businessId: string, id: string): Promise<Membership | null> {
    return this.repo.findOne({ where: this.scoped(businessId, { id }), relations: { user: true } });
  }

  pageWithUsers(businessId: string, page: { offset: number; limit: number }): Promise<[Membership[], number]> {
    return this.findPage(businessId, { relations: { user: true }, order: { createdAt: 'ASC' } }, page);
  }

  /**
   * Locks the business's owner rows for the rest of the transaction and
   * returns how many there are, so two concurrent demotions cannot both pass
   * the last-owner check.
   */
  async lockOwners(businessId: string): Promise<number> {
    const rows = await this.repo.find({
      where: this.scoped(businessId, { role: Role.owner, status: MembershipStatus.active }),
      lock: { mode: 'pessimistic_write' },
    });
    return rows.length;
  }

  /** Membership by invitation token hash; platform-wide because the invitee has no business yet. */
  findByInviteHash(tokenHash: string): Promise<Membership | null> {
    return this.repo.findOne({ where: { inviteTokenHash: tokenHash }, relations: { user: true } });
  }
}
