import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TenantRepository } from '../../../common/tenancy/tenant.repository';
import { WhatsAppContact } from './entities/whatsapp-contact.entity';

@Injectable()
export class WhatsAppContactsRepository extends TenantRepository<WhatsAppContact> {
  constructor(@InjectRepository(WhatsAppContact) repo: Repository<WhatsAppContact>) {
    super(repo);
  }

  /** When the phone last wrote to the business, or null. */
  async lastInboundAt(businessId: string, phone: string): Promise<Date | null> {
    return (await this.findOne(businessId, { phone }))?.lastInboundAt ?? null;
  }

  /** Records an inbound message; the time only moves forward (notifications may arrive out of order). */
  async recordInbound(businessId: string, phone: string, waId: string | null, at: Date): Promise<void> {
    await this.sql(
      `INSERT INTO whatsapp_contacts (business_id, phone, wa_id, last_inbound_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (business_id, phone) DO UPDATE SET wa_id = COALESCE(EXCLUDED.wa_id, whatsapp_contacts.wa_id),
         last_inbound_at = GREATEST(whatsapp_contacts.last_inbound_at, EXCLUDED.last_inbound_at)`,
      [this.scoped(businessId).businessId, phone, waId, at],
    );
  }
}
