import { Injectable } from '@nestjs/common';
import { NotFoundAppException } from '../../common/problem/app.exception';
import { BusinessesRepository } from './businesses.repository';
import type { EntityManager } from 'typeorm';
import { Role } from '../../common/auth/role';
import type { Business } from '../../common/tenancy/business.entity';
import { MembershipStatus } from './entities/membership.entity';
import { MembershipsRepository } from './memberships.repository';

/**
 * How other modules find a business: by id, or by the slug in a public URL
 * (normalized here once, so every public route treats `Salon-Dana` and
 * `salon-dana` alike). Unknown ones are 404.
 */
@Injectable()
export class BusinessDirectory {
  constructor(
    private readonly businesses: BusinessesRepository,
    private readonly memberships: MembershipsRepository,
  ) {}

  async require(businessId: string): Promise<Business> {
    const business = await this.businesses.findById(businessId);
    if (!business) throw new NotFoundAppException('business', businessId);
    return business;
  }

  /**
   * A new business under the first free slug of `slugCandidates`, with its
   * owner, in the caller's transaction (sign-up).
   */
  async register(manager: EntityManager, name: string, slugCandidates: Iterable<string>, ownerUserId: string): Promise<Business> {
    const business = await this.businesses.withManager(manager).createWithFreeSlug(name, slugCandidates);
    await this.memberships
      .withManager(manager)
      .insert(business.id, { userId: ownerUserId, role: Role.owner, status: MembershipStatus.active });
    return business;
  }

  async requireBySlug(slug: string): Promise<Business> {
    const business = await this.businesses.findBySlug(slug.trim().toLowerCase());
    if (!business) throw new NotFoundAppException('business', slug);
    return business;
  }
}
