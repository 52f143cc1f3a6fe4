import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TenantRepository } from '../../../common/tenancy/tenant.repository';
import { WhatsAppSettings } from './entities/whatsapp-settings.entity';

export type WhatsAppSettingsValues = Pick<
  WhatsAppSettings,
  'phoneNumberId' | 'businessAccountId' | 'accessToken' | 'accessTokenLast4' | 'displayPhoneNumber' | 'checkedAt'
>;

@Injectable()
export class WhatsAppSettingsRepository extends TenantRepository<WhatsAppSettings> {
  constructor(@InjectRepository(WhatsAppSettings) repo: Repository<WhatsAppSettings>) {
    super(repo);
  }

  get(businessId: string): Promise<WhatsAppSettings | null> {
    return this.findOne(businessId, {});
  }

  /** Creates or replaces the business's row (a number another business holds is a unique violation: 409). */
  async put(businessId: string, values: WhatsAppSettingsValues): Promise<void> {
    await this.sql(
      `INSERT INTO whatsapp_settings (business_id, phone_number_id, business_account_id, access_token, access_token_last4, display_phone_number, checked_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (business_id) DO UPDATE SET phone_number_id = EXCLUDED.phone_number_id, business_account_id = EXCLUDED.business_account_id,
         access_token = EXCLUDED.access_token, access_token_last4 = EXCLUDED.access_token_last4,
         display_phone_number = EXCLUDED.display_phone_number, checked_at = EXCLUDED.checked_at`,
      [
        this.scoped(businessId).businessId,
        values.phoneNumberId,
        values.businessAccountId,
        values.accessToken,
        values.accessTokenLast4,
        values.displayPhoneNumber,
        values.checkedAt,
      ],
    );
  }

  /** The business whose number Meta's notification names (the caller is Meta: no business in the request). */
  async businessByPhoneNumberId(phoneNumberId: string): Promise<string | null> {
    const rows = await this.sql<{ business_id: string }>(`SELECT business_id FROM whatsapp_settings WHERE phone_number_id = $1`, [
      phoneNumberId,
    ]);
    return rows[0]?.business_id ?? null;
  }
}
