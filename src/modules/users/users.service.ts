import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { User } from './entities/user.entity';
import { UsersRepository, type UserState } from './users.repository';

export type { UserState };

/** What other modules do with users (platform-wide people): find, create, change. */
@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  private repo(manager?: EntityManager): UsersRepository {
    return manager ? this.users.withManager(manager) : this.users;
  }

  findById(id: string): Promise<User | null> {
    return this.users.findById(id);
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findByEmail(email);
  }

  create(data: Pick<User, 'email' | 'name' | 'passwordHash'>, manager?: EntityManager): Promise<User> {
    return this.repo(manager).create(data);
  }

  update(
    id: string,
    patch: Partial<Pick<User, 'name' | 'passwordHash' | 'lastLoginAt' | 'isPlatformAdmin'>>,
    manager?: EntityManager,
  ): Promise<void> {
    return this.repo(manager).update(id, patch);
  }

  /** A new password hash, only while the user is still in `expected` (single-use links, concurrent changes: one wins). */
  replacePassword(id: string, expected: UserState, passwordHash: string, options: { verifyEmail: boolean }, manager?: EntityManager) {
    return this.repo(manager).replacePassword(id, expected, passwordHash, options.verifyEmail);
  }

  /** Marks `email` verified if it is still the user's; true when it is verified. */
  markEmailVerified(id: string, email: string): Promise<boolean> {
    return this.users.markEmailVerified(id, email);
  }

  /** Applies a confirmed email change if the user is still in `expected`; a taken address throws uq_users_email. */
  changeEmail(id: string, expected: UserState, newEmail: string): Promise<boolean> {
    return this.users.changeEmail(id, expected, newEmail);
  }
}
