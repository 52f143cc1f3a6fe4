import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Membership } from './entities/membership.entity';
import { MemberActor, MembershipsRepository, MembershipWithBusiness } from './memberships.repository';

/**
 * How other modules learn who belongs to a business: the auth guard's
 * per-request lookup, a user's businesses at login, and invitations.
 */
@Injectable()
export class MembershipDirectory {
  constructor(private readonly memberships: MembershipsRepository) {}

  /** Who a user is in a business, if an active member (the auth guard asks on every request). */
  findActiveActor(businessId: string, userId: string): Promise<MemberActor | null> {
    return this.memberships.findActiveActor(businessId, userId);
  }

  /** A user's businesses, oldest membership first. */
  listForUser(userId: string): Promise<MembershipWithBusiness[]> {
    return this.memberships.listForUser(userId);
  }

  /** A member of the business, with their user; null when there is none. */
  findMember(businessId: string, id: string): Promise<Membership | null> {
    return this.memberships.findWithUser(businessId, id);
  }

  /** The invited membership an invitation token (its hash) opens, with its user. */
  findInvitation(tokenHash: string): Promise<Membership | null> {
    return this.memberships.findByInviteHash(tokenHash);
  }

  /** Accepts an invitation if it is still this one: of concurrent acceptances, one wins. */
  acceptInvitation(manager: EntityManager, membership: Membership, tokenHash: string): Promise<boolean> {
    return this.memberships.withManager(manager).activateInvite(membership.businessId, membership.id, tokenHash);
  }
}
