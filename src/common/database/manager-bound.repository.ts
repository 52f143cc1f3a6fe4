import type { Pool } from 'pg';
import type { EntityManager, ObjectLiteral, Repository } from 'typeorm';
import { rowHydrator } from './row-hydrator';

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

  /**
   * Plain SQL for the hot reads (the auth guard's lookup, list pages): on the
   * transaction's connection when bound to one, otherwise straight on the
   * driver's pool, without a TypeORM query runner or entity hydration per call.
   */
  protected async sql<R>(text: string, params: unknown[]): Promise<R[]> {
    const manager = this.repo.manager;
    if (manager.queryRunner) return (await manager.query(text, params)) as R[];
    const pool = (manager.connection.driver as unknown as { master: Pool }).master;
    return (await pool.query(text, params)).rows as R[];
  }

  /**
   * Entities from rows of `SELECT *` on the repository's table (run through
   * `sql()`), converted as TypeORM converts them (dates, transformers); made
   * without running the entity's constructor, as TypeORM's own loading does.
   */
  protected hydrate(rows: Record<string, unknown>[]): T[] {
    return rows.map(rowHydrator<T>(this.repo.metadata, this.repo.manager.connection.driver));
  }
}
