import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../../common/tenancy/tenant.entity';

/**
 * A business's WhatsApp Business Cloud API account: its phone number id (how
 * Meta's webhook notifications find the business, so one business per number),
 * its WhatsApp Business Account (WABA) id, and its access token sealed under
 * ENCRYPTION_KEY (never shown; the last 4 characters are).
 */
@Entity('whatsapp_settings')
@Index('uq_whatsapp_settings_business', ['businessId'], { unique: true })
@Index('uq_whatsapp_settings_phone_number', ['phoneNumberId'], { unique: true })
export class WhatsAppSettings extends TenantEntity {
  @Column('varchar', { length: 32 })
  phoneNumberId: string;

  @Column('varchar', { length: 32 })
  businessAccountId: string;

  /** The access token, sealed by the keyring (`k1.<key id>.v1.…`). */
  @Column('text')
  accessToken: string;

  @Column('varchar', { length: 4 })
  accessTokenLast4: string;

  /** The number as Meta shows it (from the check call), when known. */
  @Column('varchar', { length: 32, nullable: true })
  displayPhoneNumber: string | null;

  /** When Meta last accepted the token and number id (GET /{phone-number-id}); null: could not be checked. */
  @Column('timestamptz', { nullable: true })
  checkedAt: Date | null;
}
