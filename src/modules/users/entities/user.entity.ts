import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A person who can log in. Users are platform-wide (one person may work for
 * several businesses), so this table has no business_id: tenancy lives in
 * memberships.
 */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Trimmed and lower-cased before it is stored. */
  @Index('uq_users_email', { unique: true })
  @Column('varchar', { length: 254 })
  email: string;

  /** Null until an invited user sets a password. */
  @Column('varchar', { length: 100, nullable: true })
  passwordHash: string | null;

  @Column('varchar', { length: 120 })
  name: string;

  @Column('boolean', { default: false })
  isPlatformAdmin: boolean;

  /** When the user followed a verification link sent to `email` (or a reset or email-change link); null: not verified. */
  @Column('timestamptz', { nullable: true })
  emailVerifiedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
