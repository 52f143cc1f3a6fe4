import { Injectable } from '@nestjs/common';
import { DomainEvents } from '../../common/events/domain-events';
import { NotFoundAppException } from '../../common/problem/app.exception';
import { SlugTakenException } from './business.exception';
import { BusinessesRepository } from './businesses.repository';
import type { BusinessDto, UpdateBusinessDto } from './dto/business.dto';
import type { Business } from './entities/business.entity';

export const toBusinessDto = (b: Business): BusinessDto => ({
  id: b.id,
  name: b.name,
  slug: b.slug,
  legalName: b.legalName,
  taxId: b.taxId,
  vatStatus: b.vatStatus,
  address: b.address,
  phone: b.phone,
  email: b.email,
  timezone: b.timezone,
  locale: b.locale,
  currency: b.currency,
  createdAt: b.createdAt,
});

@Injectable()
export class BusinessService {
  constructor(
    private readonly businesses: BusinessesRepository,
    private readonly events: DomainEvents,
  ) {}

  async get(businessId: string): Promise<BusinessDto> {
    return toBusinessDto(await this.load(businessId));
  }

  async update(businessId: string, dto: UpdateBusinessDto): Promise<BusinessDto> {
    const business = await this.load(businessId);
    if (dto.slug && dto.slug !== business.slug && (await this.businesses.slugTaken(dto.slug))) throw new SlugTakenException();
    const changed = Object.keys(dto).filter((k) => (dto as Record<string, unknown>)[k] !== undefined);
    Object.assign(business, dto);
    const saved = await this.businesses.save(business);
    this.events.emit('business.updated', { businessId, changed });
    return toBusinessDto(saved);
  }

  private async load(businessId: string): Promise<Business> {
    const business = await this.businesses.findById(businessId);
    if (!business) throw new NotFoundAppException('business', businessId);
    return business;
  }
}
