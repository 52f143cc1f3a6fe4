import type { EntityManager, ObjectLiteral, Repository } from 'typeorm';

/**
 * Base of every repository: `withManager(manager)` gives the same repository
 * inside a transaction, the one way code joins a transaction.
 */
export abstract class ManagerBoundRepository<T extends ObjectLiteral> {
  protected constructor(protected repo: Repository<T>) {}

  /** The same repository, running inside a transaction's entity manager. */
  withManager(manager: EntityManager): this {
    const bound = Object.create(this) as this;
    bound.repo = manager.getRepository<T>(this.repo.target);
    return bound;
  }
}
