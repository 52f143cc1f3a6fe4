import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Role } from '../../../common/auth/role';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';
import { User } from '../../users/entities/user.entity';

export enum MembershipStatus {
  invited = 'invited',
  active = 'active',
}

/** A user's place in a business, with their role there. */
@Entity('memberships')
@Index('uq_memberships_business_user', ['businessId', 'userId'], { unique: true })
export class Membership extends TenantEntity {
  @Index()
  @Column('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column('varchar', { length: 16 })
  role: Role;

  @Column('varchar', { length: 16, default: MembershipStatus.active })
  status: MembershipStatus;

  /** SHA-256 of the invitation token; null once accepted. */
  @Index('uq_memberships_invite_token', { unique: true, where: 'invite_token_hash IS NOT NULL' })
  @Column('varchar', { length: 64, nullable: true })
  inviteTokenHash: string | null;

  @Column('timestamptz', { nullable: true })
  inviteExpiresAt: Date | null;
}
