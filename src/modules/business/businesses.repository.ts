import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Business } from './entities/business.entity';

/** The tenant table itself: every lookup is by the business's own id (or its public slug). */
@Injectable()
export class BusinessesRepository {
  constructor(@InjectRepository(Business) private readonly repo: Repository<Business>) {}

  findById(businessId: string): Promise<Business | null> {
    return this.repo.findOneBy({ id: businessId });
  }

  findBySlug(slug: string): Promise<Business | null> {
    return this.repo.findOneBy({ slug });
  }

  async slugTaken(slug: string): Promise<boolean> {
    return this.repo.existsBy({ slug });
  }

  create(data: Pick<Business, 'name' | 'slug'>, manager: EntityManager): Promise<Business> {
    const repo = manager.getRepository(Business);
    return repo.save(repo.create(data));
  }

  /** Writes only the given columns and answers the stored row. */
  async update(businessId: string, changes: Partial<Business>): Promise<Business | null> {
    if (Object.keys(changes).length) await this.repo.update({ id: businessId }, changes);
    return this.findById(businessId);
  }
}
