import { DataSource } from 'typeorm';

/** Any constant works; it only has to be the same in every process of the app. */
const MIGRATION_LOCK = 741_852_963;

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so an API and a
 * worker booting together never race each other. Returns the names applied.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
