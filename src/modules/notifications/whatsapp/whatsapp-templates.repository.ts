import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TenantRepository } from '../../../common/tenancy/tenant.repository';
import { WhatsAppTemplate } from './entities/whatsapp-template.entity';

export type SyncedTemplate = Pick<WhatsAppTemplate, 'name' | 'language' | 'category' | 'body' | 'parameterCount'>;

@Injectable()
export class WhatsAppTemplatesRepository extends TenantRepository<WhatsAppTemplate> {
  constructor(@InjectRepository(WhatsAppTemplate) repo: Repository<WhatsAppTemplate>) {
    super(repo);
  }

  /** The business's approved templates become exactly `templates` (others are removed), in one transaction. */
  async replaceAll(businessId: string, templates: SyncedTemplate[], at: Date): Promise<void> {
    const id = this.scoped(businessId).businessId;
    await this.repo.manager.transaction(async (em) => {
      await em.query(`DELETE FROM whatsapp_templates WHERE business_id = $1`, [id]);
      for (const t of templates)
        await em.query(
          `INSERT INTO whatsapp_templates (business_id, name, language, category, body, parameter_count, synced_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (business_id, name, language) DO NOTHING`,
          [id, t.name, t.language, t.category, t.body, t.parameterCount, at],
        );
    });
  }

  list(businessId: string): Promise<WhatsAppTemplate[]> {
    return this.findMany(businessId, {}, { name: 'ASC', language: 'ASC' });
  }

  find(businessId: string, name: string, language: string): Promise<WhatsAppTemplate | null> {
    return this.findOne(businessId, { name, language });
  }
}
