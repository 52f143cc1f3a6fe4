import { toBusinessDto } from './business.mapper';
import { Injectable } from '@nestjs/common';
import { isUniqueViolation } from '../../common/database/pg-errors';
import { DomainEvents } from '../../common/domain-events/domain-events';
import { NotFoundAppException } from '../../common/problem/app.exception';
import { sentFields } from '../../common/validation/sent-fields';
import { SlugTakenException } from './business.exception';
import { BusinessesRepository } from './businesses.repository';
import type { BusinessDto, UpdateBusinessDto } from './dto/business.dto';
import type { Business } from '../../common/tenancy/business.entity';

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
    const { timeZone, ...fields } = sentFields(dto);
    const changes: Partial<Business> = { ...fields, ...(timeZone === undefined ? {} : { timezone: timeZone }) };
    if (changes.slug && changes.slug !== business.slug && (await this.businesses.slugTaken(changes.slug))) throw new SlugTakenException();
    const saved = await this.businesses.update(businessId, changes).catch((err: unknown) => {
      throw isUniqueViolation(err) ? new SlugTakenException() : err;
    });
    if (!saved) throw new NotFoundAppException('business', businessId);
    this.events.emit('business.updated', { businessId, changed: Object.keys(sentFields(dto)) });
    return toBusinessDto(saved);
  }

  private async load(businessId: string): Promise<Business> {
    const business = await this.businesses.findById(businessId);
    if (!business) throw new NotFoundAppException('business', businessId);
    return business;
  }
}
