import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { User } from './entities/user.entity';

/** Users are platform-wide, so this is the one repository without a tenant argument. */
@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly repo: Repository<User>) {}

  findById(id: string): Promise<User | null> {
    return this.repo.findOneBy({ id });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.repo.findOneBy({ email });
  }

  create(data: Pick<User, 'email' | 'name' | 'passwordHash'>, manager?: EntityManager): Promise<User> {
    const repo = manager ? manager.getRepository(User) : this.repo;
    return repo.save(repo.create({ ...data, isPlatformAdmin: false }));
  }

  async update(
    id: string,
    patch: Partial<Pick<User, 'name' | 'passwordHash' | 'lastLoginAt' | 'isPlatformAdmin'>>,
    manager?: EntityManager,
  ): Promise<void> {
    const repo = manager ? manager.getRepository(User) : this.repo;
    await repo.update({ id }, patch);
  }
}
