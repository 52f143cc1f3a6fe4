import { Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../common/tenancy/tenant.entity';

/**
 * A remembered answer to a request sent with an `Idempotency-Key`. The row is
 * written in the same transaction as the work, so a concurrent duplicate waits
 * on the unique index and then replays the committed answer.
 */
@Entity('idempotency_keys')
@Index('uq_idempotency_keys_scope_key', ['businessId', 'scope', 'key'], { unique: true })
@Index('ix_idempotency_keys_created', ['createdAt'])
export class IdempotencyKey extends TenantEntity {
  /** What the key was used for: `appointments.create`, `public.appointments.create`. */
  @Column('varchar', { length: 60 })
  scope: string;

  @Column('varchar', { length: 255 })
  key: string;

  /** SHA-256 of the canonical request body. */
  @Column('varchar', { length: 64 })
  requestHash: string;

  @Column('integer')
  responseStatus: number;

  @Column('jsonb')
  responseBody: unknown;
}
