import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';

export enum WebhookEndpointStatus {
  enabled = 'enabled',
  disabled = 'disabled',
}

/**
 * A URL of the business that receives its events: the event types it chose
 * (or `*`), and the signing secret sealed under ENCRYPTION_KEY (shown once, at
 * creation and at rotation). Failed attempts in a row are counted; too many,
 * or failing for a day, disables it.
 */
@Entity('webhook_endpoints')
export class WebhookEndpoint extends TenantEntity {
  @Column('varchar', { length: 2048 })
  url: string;

  @Column('varchar', { length: 500, nullable: true })
  description: string | null;

  /** Event types delivered here, or `['*']` for every one a business may subscribe to. */
  @Column('text', { array: true })
  eventTypes: string[];

  /** The signing secret (`whsec_…`), sealed by the keyring (`k1.<key id>.v1.…`). */
  @Column('text')
  secret: string;

  /** After a rotation, the previous secret (sealed), still signed with until `previousSecretExpiresAt`. */
  @Column('text', { nullable: true })
  previousSecret: string | null;

  @Column('timestamptz', { nullable: true })
  previousSecretExpiresAt: Date | null;

  @Column('varchar', { length: 16, default: WebhookEndpointStatus.enabled })
  status: WebhookEndpointStatus;

  @Column('varchar', { length: 300, nullable: true })
  disabledReason: string | null;

  @Column('timestamptz', { nullable: true })
  disabledAt: Date | null;

  /** Failed attempts since the last success. */
  @Column('integer', { default: 0 })
  consecutiveFailures: number;

  /** The first failed attempt since the last success; null while it succeeds. */
  @Column('timestamptz', { nullable: true })
  failingSince: Date | null;
}
