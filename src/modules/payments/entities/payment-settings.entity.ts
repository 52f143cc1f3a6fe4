import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';
import { PaymentProvider } from '../../../infra/config/env.schema';

/**
 * A business's payment gateway: the provider it chose (null: PAYMENT_PROVIDER),
 * its credentials sealed under ENCRYPTION_KEY (never shown), and the secret
 * token in its webhook URLs (none of the gateways sign their notifications).
 */
@Entity('payment_settings')
@Index('uq_payment_settings_business', ['businessId'], { unique: true })
export class PaymentSettings extends TenantEntity {
  @Column('varchar', { length: 16, nullable: true })
  provider: PaymentProvider | null;

  /** The credentials as JSON, sealed by the keyring (`k1.<key id>.v1.…`), or null. */
  @Column('text', { nullable: true })
  credentials: string | null;

  /** The last 4 characters of the credential that names the account, shown so the owner recognises it. */
  @Column('varchar', { length: 4, nullable: true })
  credentialsLast4: string | null;

  /** When the gateway last accepted these credentials in a test call; null: not checked (unreachable, or no such call). */
  @Column('timestamptz', { nullable: true })
  credentialsCheckedAt: Date | null;

  /** Most installments a payer may choose on a payment. */
  @Column('integer', { default: 1 })
  maxInstallments: number;

  /** SHA-256 (hex) of the webhook token: how a notification finds its business. */
  @Index('uq_payment_settings_webhook_token', { unique: true })
  @Column('char', { length: 64 })
  webhookTokenHash: string;

  /** The webhook token itself, sealed: payment pages are created with URLs that carry it. */
  @Column('text')
  webhookToken: string;
}
