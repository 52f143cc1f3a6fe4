import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';
import { User } from '../../users/entities/user.entity';

/**
 * One refresh token of a login session. Tokens of one login form a family: a
 * refresh rotates to a new token of the same family, and presenting a rotated
 * token again revokes the whole family (reuse detection).
 */
@Entity('refresh_tokens')
export class RefreshToken extends TenantEntity {
  @Index()
  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Index()
  @Column('uuid')
  familyId: string;

  /** SHA-256 of the token; the token itself is never stored. */
  @Index('uq_refresh_tokens_hash', { unique: true })
  @Column('varchar', { length: 64 })
  tokenHash: string;

  @Index()
  @Column('timestamptz')
  expiresAt: Date;

  /** Set when this token was exchanged for a new one. */
  @Column('timestamptz', { nullable: true })
  rotatedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @Column('varchar', { length: 300, nullable: true })
  userAgent: string | null;

  @Column('varchar', { length: 64, nullable: true })
  ip: string | null;
}
