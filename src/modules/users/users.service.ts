import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { User } from './entities/user.entity';
import { UsersRepository } from './users.repository';

/** What other modules do with users (platform-wide people): find, create, change. */
@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  private repo(manager?: EntityManager): UsersRepository {
    return manager ? this.users.withManager(manager) : this.users;
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
}
