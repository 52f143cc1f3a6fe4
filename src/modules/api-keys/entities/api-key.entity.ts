import { Column, Entity, Index } from 'typeorm';
import { Role } from '../../../common/auth/role';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';

/**
 * A machine credential for one business. The secret is shown once; we keep its
 * SHA-256 and a visible prefix (`cg_1a2b3c4d`) so people can tell keys apart.
 */
@Entity('api_keys')
export class ApiKey extends TenantEntity {
  @Column('varchar', { length: 120 })
  name: string;

  @Index('uq_api_keys_prefix', { unique: true })
  @Column('varchar', { length: 16 })
  prefix: string;

  @Column('varchar', { length: 64 })
  keyHash: string;

  @Column('varchar', { length: 16 })
  role: Role;

  @Column('uuid', { nullable: true })
  createdByUserId: string | null;

  @Column('timestamptz', { nullable: true })
  lastUsedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;
}
