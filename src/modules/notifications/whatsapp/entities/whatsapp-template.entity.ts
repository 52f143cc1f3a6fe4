import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../../common/tenancy/tenant.entity';

/** An approved template of the business's WhatsApp Business Account, as the last sync found it. */
@Entity('whatsapp_templates')
@Index('uq_whatsapp_templates_business_name_language', ['businessId', 'name', 'language'], { unique: true })
export class WhatsAppTemplate extends TenantEntity {
  @Column('varchar', { length: 512 })
  name: string;

  /** Meta's language code (`he`, `en_US`). */
  @Column('varchar', { length: 16 })
  language: string;

  @Column('varchar', { length: 32 })
  category: string;

  /** The BODY text with its {{1}}… placeholders. */
  @Column('text')
  body: string;

  /** How many body parameters it takes (the highest {{n}}). */
  @Column('integer')
  parameterCount: number;

  @Column('timestamptz')
  syncedAt: Date;
}
