import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { InvoiceSettings } from './entities/invoice-settings.entity';

@Injectable()
export class InvoiceSettingsRepository extends TenantRepository<InvoiceSettings> {
  constructor(@InjectRepository(InvoiceSettings) repo: Repository<InvoiceSettings>) {
    super(repo);
  }

  async get(businessId: string): Promise<InvoiceSettings | null> {
    return this.findOne(businessId, {});
  }

  /** Writes only the given columns, creating the business's row on first use. */
  async change(businessId: string, changes: QueryDeepPartialEntity<InvoiceSettings>): Promise<void> {
    await this.repo.query(`INSERT INTO invoice_settings (business_id) VALUES ($1) ON CONFLICT (business_id) DO NOTHING`, [
      this.scoped(businessId).businessId,
    ]);
    if (Object.keys(changes).length) await this.repo.update(this.scoped(businessId), changes);
  }
}
