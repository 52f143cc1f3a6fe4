import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { BookingSettings } from './entities/booking-settings.entity';

export type BookingSettingsValues = Omit<BookingSettings, 'id' | 'businessId' | 'business' | 'createdAt' | 'updatedAt'>;

@Injectable()
export class BookingSettingsRepository extends TenantRepository<BookingSettings> {
  constructor(@InjectRepository(BookingSettings) repo: Repository<BookingSettings>) {
    super(repo);
  }

  async findForBusiness(businessId: string): Promise<BookingSettings | null> {
    return this.findOne(businessId, {});
  }

  /** Creates or replaces the business's row (one statement, safe under concurrent PUTs). */
  async upsert(businessId: string, values: BookingSettingsValues): Promise<BookingSettings> {
    this.scoped(businessId);
    await this.repo.upsert({ ...values, businessId }, { conflictPaths: ['businessId'], skipUpdateIfNoValuesChanged: false });
    return (await this.findForBusiness(businessId))!;
  }
}
