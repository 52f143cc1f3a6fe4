import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';

/**
 * A business's document settings. The issuer fields override the business
 * profile on documents (null: the profile's value). The Tax Authority tokens
 * are stored encrypted and never shown.
 */
@Entity('invoice_settings')
@Index('uq_invoice_settings_business', ['businessId'], { unique: true })
export class InvoiceSettings extends TenantEntity {
  @Column('varchar', { length: 160, nullable: true })
  legalName: string | null;

  @Column('varchar', { length: 9, nullable: true })
  taxId: string | null;

  @Column('varchar', { length: 300, nullable: true })
  address: string | null;

  /** E.164. */
  @Column('varchar', { length: 20, nullable: true })
  phone: string | null;

  @Column('varchar', { length: 300, nullable: true })
  logoKey: string | null;

  /** Basis points: 1800 = 18 %. */
  @Column('integer', { default: 1800 })
  vatRateBp: number;

  @Column('text', { nullable: true })
  footer: string | null;

  @Column('text', { nullable: true })
  defaultRemarks: string | null;

  /** AES-256-GCM of the Tax Authority OAuth2 tokens (key derived from JWT_SECRET), or null. */
  @Column('text', { nullable: true })
  allocationCredentials: string | null;
}
