import { isForeignKeyViolation } from '../database/pg-errors';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { ManagerBoundRepository } from '../database/manager-bound.repository';
import { DeepPartial, FindManyOptions, FindOptionsOrder, FindOptionsWhere, ObjectLiteral, Repository } from 'typeorm';

import { isUuid } from '../validation/uuid';

export class MissingTenantError extends Error {
  constructor() {
    super('A tenant-scoped query was attempted without a business id');
  }
}

type Tenanted = ObjectLiteral & { id: string; businessId: string };

/**
 * Base of every repository over a tenant-owned table: each method takes the
 * business id first, refuses an empty one, adds it to every `where` and stamps
 * it on inserts, so a query without a tenant cannot be written by accident.
 */
export abstract class TenantRepository<T extends Tenanted> extends ManagerBoundRepository<T> {
  protected constructor(repo: Repository<T>) {
    super(repo);
  }

  protected scoped(businessId: string, where: FindOptionsWhere<T> = {}): FindOptionsWhere<T> {
    if (!businessId || !isUuid(businessId)) throw new MissingTenantError();
    return { ...where, businessId } as FindOptionsWhere<T>;
  }

  async findById(businessId: string, id: string): Promise<T | null> {
    if (!isUuid(id)) return null;
    return this.repo.findOneBy(this.scoped(businessId, { id } as FindOptionsWhere<T>));
  }

  /**
   * The record, locked `FOR UPDATE` until the transaction ends, so a
   * read-modify-write of it (a PATCH) cannot lose a concurrent one. Call on a
   * repository bound to the transaction (`withManager`).
   */
  async lockById(businessId: string, id: string): Promise<T | null> {
    if (!isUuid(id)) return null;
    return this.repo.findOne({ where: this.scoped(businessId, { id } as FindOptionsWhere<T>), lock: { mode: 'pessimistic_write' } });
  }

  /** Writes only the given columns of one record; false when there is no such record. */
  async updateFields(businessId: string, id: string, changes: QueryDeepPartialEntity<T>): Promise<boolean> {
    if (!isUuid(id)) return false;
    if (Object.keys(changes).length === 0) return (await this.count(businessId, { id } as FindOptionsWhere<T>)) > 0;
    const result = await this.repo.update(this.scoped(businessId, { id } as FindOptionsWhere<T>), changes);
    return (result.affected ?? 0) > 0;
  }

  async findOne(businessId: string, where: FindOptionsWhere<T>): Promise<T | null> {
    return this.repo.findOneBy(this.scoped(businessId, where));
  }

  async findMany(businessId: string, where: FindOptionsWhere<T> = {}, order?: FindOptionsOrder<T>): Promise<T[]> {
    return this.repo.find({ where: this.scoped(businessId, where), order });
  }

  async findPage(
    businessId: string,
    options: Omit<FindManyOptions<T>, 'where' | 'skip' | 'take'> & { where?: FindOptionsWhere<T> },
    page: { offset: number; limit: number },
  ): Promise<[T[], number]> {
    return this.repo.findAndCount({
      ...options,
      where: this.scoped(businessId, options.where),
      skip: page.offset,
      take: page.limit,
    });
  }

  async count(businessId: string, where: FindOptionsWhere<T> = {}): Promise<number> {
    return this.repo.countBy(this.scoped(businessId, where));
  }

  async insert(businessId: string, data: DeepPartial<T>): Promise<T> {
    this.scoped(businessId);
    const entity = this.repo.create({ ...data, businessId } as DeepPartial<T>);
    return this.repo.save(entity);
  }

  /** Saves changes to an entity that was loaded through this repository. */
  async save(businessId: string, entity: T): Promise<T> {
    if (entity.businessId !== businessId) throw new MissingTenantError();
    return this.repo.save(entity);
  }

  async deleteById(businessId: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const result = await this.repo.delete(this.scoped(businessId, { id } as FindOptionsWhere<T>));
    return (result.affected ?? 0) > 0;
  }

  /** Deletes the record unless other records still refer to it (a foreign key refuses). */
  async deleteUnlessReferenced(businessId: string, id: string): Promise<'deleted' | 'missing' | 'in_use'> {
    try {
      return (await this.deleteById(businessId, id)) ? 'deleted' : 'missing';
    } catch (err) {
      if (isForeignKeyViolation(err)) return 'in_use';
      throw err;
    }
  }
}
