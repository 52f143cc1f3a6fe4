import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TenantRepository } from '../../../common/tenancy/tenant.repository';
import type { NotificationRules } from './notification-settings.defaults';
import { NotificationSettings } from './notification-settings.entity';

@Injectable()
export class NotificationSettingsRepository extends TenantRepository<NotificationSettings> {
  constructor(@InjectRepository(NotificationSettings) repo: Repository<NotificationSettings>) {
    super(repo);
  }

  findForBusiness(businessId: string): Promise<NotificationSettings | null> {
    return this.findOne(businessId, {});
  }

  /**
   * The businesses whose SMS sender is `sender`. Across tenants on purpose:
   * a reply to that number names no business, only the number it went to.
   */
  async businessIdsWithSmsSender(sender: string): Promise<string[]> {
    const rows = await this.repo.find({ select: { businessId: true }, where: { smsSender: sender } });
    return rows.map((r) => r.businessId);
  }

  /** Creates or replaces the business's row in one statement (safe under concurrent PUTs). */
  async upsert(businessId: string, values: NotificationRules): Promise<NotificationSettings> {
    this.scoped(businessId);
    await this.repo.upsert({ ...values, businessId }, { conflictPaths: ['businessId'], skipUpdateIfNoValuesChanged: false });
    return (await this.findForBusiness(businessId))!;
  }
}
