import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { ManagerBoundRepository } from '../../common/database/manager-bound.repository';
import { User } from './entities/user.entity';

/** What a signed account link was issued against: the change applies only while the user is still in this state. */
export interface UserState {
  email: string;
  passwordHash: string | null;
}

/** Marks the address verified unless it already was (the first verification's time stays). */
const VERIFIED_NOW = () => 'COALESCE("email_verified_at", now())';

/** Users are platform-wide, so this is the one repository without a tenant argument. */
@Injectable()
export class UsersRepository extends ManagerBoundRepository<User> {
  constructor(@InjectRepository(User) repo: Repository<User>) {
    super(repo);
  }

  findById(id: string): Promise<User | null> {
    return this.repo.findOneBy({ id });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.repo.findOneBy({ email });
  }

  create(data: Pick<User, 'email' | 'name' | 'passwordHash'>): Promise<User> {
    return this.repo.save(this.repo.create({ ...data, isPlatformAdmin: false, emailVerifiedAt: null }));
  }

  async update(id: string, patch: Partial<Pick<User, 'name' | 'passwordHash' | 'lastLoginAt' | 'isPlatformAdmin'>>): Promise<void> {
    await this.repo.update({ id }, patch);
  }

  /**
   * Sets a new password hash if the user is still in `expected` (a conditional
   * update: of two uses of one link, one wins); `verifyEmail` also marks the
   * address verified. False when the state moved on.
   */
  async replacePassword(id: string, expected: UserState, passwordHash: string, verifyEmail: boolean): Promise<boolean> {
    const result = await this.repo.update(this.inState(id, expected), {
      passwordHash,
      ...(verifyEmail ? { emailVerifiedAt: VERIFIED_NOW } : {}),
    });
    return (result.affected ?? 0) > 0;
  }

  /** Marks the address verified if the user still has it; true when it is (now or already). */
  async markEmailVerified(id: string, email: string): Promise<boolean> {
    const result = await this.repo.update({ id, email }, { emailVerifiedAt: VERIFIED_NOW });
    return (result.affected ?? 0) > 0;
  }

  /** Moves the user to `newEmail` (verified) if still in `expected`; a taken address fails on uq_users_email. */
  async changeEmail(id: string, expected: UserState, newEmail: string): Promise<boolean> {
    const result = await this.repo.update(this.inState(id, expected), { email: newEmail, emailVerifiedAt: () => 'now()' });
    return (result.affected ?? 0) > 0;
  }

  private inState(id: string, expected: UserState) {
    return { id, email: expected.email, passwordHash: expected.passwordHash ?? IsNull() };
  }
}
