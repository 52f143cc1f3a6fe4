import { Injectable } from '@nestjs/common';
import { NotFoundAppException } from '../../common/problem/app.exception';
import { BusinessesRepository } from './businesses.repository';
import type { Business } from './entities/business.entity';

/**
 * How other modules find a business: by id, or by the slug in a public URL
 * (normalized here once, so every public route treats `Salon-Dana` and
 * `salon-dana` alike). Unknown ones are 404.
 */
@Injectable()
export class BusinessDirectory {
  constructor(private readonly businesses: BusinessesRepository) {}

  async require(businessId: string): Promise<Business> {
    const business = await this.businesses.findById(businessId);
    if (!business) throw new NotFoundAppException('business', businessId);
    return business;
  }

  async requireBySlug(slug: string): Promise<Business> {
    const business = await this.businesses.findBySlug(slug.trim().toLowerCase());
    if (!business) throw new NotFoundAppException('business', slug);
    return business;
  }
}
