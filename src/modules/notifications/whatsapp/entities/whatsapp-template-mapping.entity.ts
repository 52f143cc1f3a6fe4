import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../../common/tenancy/tenant.entity';

/**
 * Which approved WhatsApp template a message of one of our template keys
 * (appointment.reminder, …) is sent as, and what fills its body parameters:
 * one Liquid expression per parameter, in order ({{1}} is the first),
 * rendered with the same variables as the key's own template.
 */
@Entity('whatsapp_template_mappings')
@Index('uq_whatsapp_template_mappings_business_key', ['businessId', 'templateKey'], { unique: true })
export class WhatsAppTemplateMapping extends TenantEntity {
  @Column('varchar', { length: 64 })
  templateKey: string;

  @Column('varchar', { length: 512 })
  name: string;

  @Column('varchar', { length: 16 })
  language: string;

  @Column('text', { array: true, default: () => "'{}'" })
  parameters: string[];
}
