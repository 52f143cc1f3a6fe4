import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Role } from '../../common/auth/role';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { Membership, MembershipStatus } from './entities/membership.entity';

export interface MemberActor {
  membershipId: string;
  role: Role;
  userId: string;
  name: string;
  email: string;
  isPlatformAdmin: boolean;
  emailVerified: boolean;
}

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
   * Who a user is in a business, if an active member: the one query the auth
   * guard makes on every request, so it is plain SQL over the unique
   * (business_id, user_id) index without entity hydration (measured: about a
   * third more requests per second than the query builder).
   */
  async findActiveActor(businessId: string, userId: string): Promise<MemberActor | null> {
    this.scoped(businessId);
    const rows: {
      id: string;
      role: Role;
      user_id: string;
      name: string;
      email: string;
      is_platform_admin: boolean;
      email_verified: boolean;
    }[] = await this.sql(
      `SELECT m.id, m.role, u.id AS user_id, u.name, u.email, u.is_platform_admin, u.email_verified_at IS NOT NULL AS email_verified
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.business_id = $1 AND m.user_id = $2 AND m.status = $3`,
      [businessId, userId, MembershipStatus.active],
    );
    const row = rows[0];
    return row
      ? {
          membershipId: row.id,
          role: row.role,
          userId: row.user_id,
          name: row.name,
          email: row.email,
          isPlatformAdmin: row.is_platform_admin,
          emailVerified: row.email_verified,
        }
      : null;
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
  /** Activates an invited membership if its invitation is still this one: of concurrent acceptances, one wins. */
  async activateInvite(businessId: string, id: string, tokenHash: string): Promise<boolean> {
    const result = await this.repo.update(this.scoped(businessId, { id, inviteTokenHash: tokenHash }), {
      status: MembershipStatus.active,
      inviteTokenHash: null,
      inviteExpiresAt: null,
    });
    return (result.affected ?? 0) > 0;
  }

  findByInviteHash(tokenHash: string): Promise<Membership | null> {
    return this.repo.findOne({ where: { inviteTokenHash: tokenHash }, relations: { user: true } });
  }
}
