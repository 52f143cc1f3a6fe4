import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../../common/tenancy/tenant.entity';

/**
 * A phone that wrote to the business on WhatsApp: when it last did, which
 * opens the 24-hour customer service window (free text may be sent until
 * 24 hours after it; outside it only an approved template).
 */
@Entity('whatsapp_contacts')
@Index('uq_whatsapp_contacts_business_phone', ['businessId', 'phone'], { unique: true })
export class WhatsAppContact extends TenantEntity {
  /** E.164. */
  @Column('varchar', { length: 20 })
  phone: string;

  /** Meta's id of the WhatsApp user (usually the number without +). */
  @Column('varchar', { length: 32, nullable: true })
  waId: string | null;

  @Column('timestamptz')
  lastInboundAt: Date;
}
