import type { Pool } from 'pg';
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
   * Entities from the rows of a query builder's default select under `alias`
   * (columns named `alias_column`), converted as TypeORM converts them
   * (dates, transformers), for queries run through `sql()`.
   */
  protected hydrate(rows: Record<string, unknown>[], alias: string): T[] {
    const { metadata, manager } = this.repo;
    const driver = manager.connection.driver;
    return rows.map((row) => {
      const entity = metadata.create() as T;
      for (const column of metadata.columns) {
        column.setEntityValue(entity, driver.prepareHydratedValue(row[`${alias}_${column.databaseName}`], column));
      }
      return entity;
    });
  }
}
