import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { TenantRepository } from '../../../common/tenancy/tenant.repository';
import { PaymentSettings } from '../entities/payment-settings.entity';

@Injectable()
export class PaymentSettingsRepository extends TenantRepository<PaymentSettings> {
  constructor(@InjectRepository(PaymentSettings) repo: Repository<PaymentSettings>) {
    super(repo);
  }

  /**
   * The business's row, created on first use with the given webhook token (sealed
   * and hashed by the caller); a concurrent first use keeps whichever row was first.
   */
  async ensure(businessId: string, token: { hash: string; sealed: string }): Promise<PaymentSettings> {
    await this.repo.query(
      `INSERT INTO payment_settings (business_id, webhook_token_hash, webhook_token) VALUES ($1, $2, $3) ON CONFLICT (business_id) DO NOTHING`,
      [this.scoped(businessId).businessId, token.hash, token.sealed],
    );
    return (await this.findOne(businessId, {}))!;
  }

  /** Writes only the given columns of the business's row (made by `ensure`). */
  async change(businessId: string, changes: QueryDeepPartialEntity<PaymentSettings>): Promise<void> {
    await this.repo.update(this.scoped(businessId), changes);
  }

  /** The business whose webhook token hashes to `hash` (the token names the business: the caller is a gateway). */
  async businessByTokenHash(hash: string): Promise<string | null> {
    const rows = await this.sql<{ business_id: string }>(`SELECT business_id FROM payment_settings WHERE webhook_token_hash = $1`, [hash]);
    return rows[0]?.business_id ?? null;
  }
}
