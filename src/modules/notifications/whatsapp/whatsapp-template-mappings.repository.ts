import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TenantRepository } from '../../../common/tenancy/tenant.repository';
import { WhatsAppTemplateMapping } from './entities/whatsapp-template-mapping.entity';

@Injectable()
export class WhatsAppTemplateMappingsRepository extends TenantRepository<WhatsAppTemplateMapping> {
  constructor(@InjectRepository(WhatsAppTemplateMapping) repo: Repository<WhatsAppTemplateMapping>) {
    super(repo);
  }

  list(businessId: string): Promise<WhatsAppTemplateMapping[]> {
    return this.findMany(businessId, {}, { templateKey: 'ASC' });
  }

  forKey(businessId: string, templateKey: string): Promise<WhatsAppTemplateMapping | null> {
    return this.findOne(businessId, { templateKey });
  }

  async put(businessId: string, templateKey: string, values: { name: string; language: string; parameters: string[] }): Promise<void> {
    await this.sql(
      `INSERT INTO whatsapp_template_mappings (business_id, template_key, name, language, parameters) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (business_id, template_key) DO UPDATE SET name = EXCLUDED.name, language = EXCLUDED.language, parameters = EXCLUDED.parameters`,
      [this.scoped(businessId).businessId, templateKey, values.name, values.language, values.parameters],
    );
  }

  async remove(businessId: string, templateKey: string): Promise<boolean> {
    const result = await this.repo.delete(this.scoped(businessId, { templateKey }));
    return (result.affected ?? 0) > 0;
  }
}
