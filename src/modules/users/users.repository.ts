import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ManagerBoundRepository } from '../../common/database/manager-bound.repository';
import { User } from './entities/user.entity';

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
    return this.repo.save(this.repo.create({ ...data, isPlatformAdmin: false }));
  }

  async update(id: string, patch: Partial<Pick<User, 'name' | 'passwordHash' | 'lastLoginAt' | 'isPlatformAdmin'>>): Promise<void> {
    await this.repo.update({ id }, patch);
  }
}
