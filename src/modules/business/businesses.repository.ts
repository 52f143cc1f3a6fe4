import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ManagerBoundRepository } from '../../common/database/manager-bound.repository';
import { Business } from '../../common/tenancy/business.entity';

/** The tenant table itself: every lookup is by the business's own id (or its public slug). */
@Injectable()
export class BusinessesRepository extends ManagerBoundRepository<Business> {
  constructor(@InjectRepository(Business) repo: Repository<Business>) {
    super(repo);
  }

  findById(businessId: string): Promise<Business | null> {
    return this.repo.findOneBy({ id: businessId });
  }

  findBySlug(slug: string): Promise<Business | null> {
    return this.repo.findOneBy({ slug });
  }

  async slugTaken(slug: string): Promise<boolean> {
    return this.repo.existsBy({ slug });
  }

  /**
   * Inserts the business under the first free slug `candidates` yields. The
   * unique index decides (ON CONFLICT DO NOTHING keeps the transaction usable),
   * so simultaneous sign-ups with the same name each get their own slug.
   */
  async createWithFreeSlug(name: string, candidates: Iterable<string>): Promise<Business> {
    for (const slug of candidates) {
      const result = await this.repo.createQueryBuilder().insert().values({ name, slug }).orIgnore().returning('id').execute();
      const id = (result.raw as { id: string }[])[0]?.id;
      if (id) return (await this.repo.findOneBy({ id }))!;
    }
    throw new Error('no free slug among the candidates');
  }

  /** Writes only the given columns and answers the stored row. */
  async update(businessId: string, changes: Partial<Business>): Promise<Business | null> {
    if (Object.keys(changes).length) await this.repo.update({ id: businessId }, changes);
    return this.findById(businessId);
  }
}
