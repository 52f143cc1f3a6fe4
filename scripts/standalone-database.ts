import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { existsSync } from 'node:fs';
import type { EnvironmentVariables } from '../src/infra/config/env.schema';
import { validateEnv } from '../src/infra/config/validate-env';
import { dataSourceOptions } from '../src/infra/database/data-source-options';
import { EmbeddedPostgresServer } from '../src/infra/database/embedded-postgres.server';
import { runMigrationsLocked } from '../src/infra/database/migrate';

/**
 * For command-line tools: the app's database (DATABASE_URL, or the embedded
 * server in DATA_DIR), migrated, for the duration of `work`.
 */
export async function withDatabase<T>(work: (ds: DataSource, env: EnvironmentVariables) => Promise<T>): Promise<T> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = validateEnv(process.env);
  const embedded = env.DATABASE_URL ? undefined : new EmbeddedPostgresServer(env.DATA_DIR, env.EMBEDDED_PG_PORT);
  const url = env.DATABASE_URL ?? (await embedded!.start());
  const ds = await new DataSource(dataSourceOptions(url)).initialize();
  try {
    await runMigrationsLocked(ds);
    return await work(ds, env);
  } finally {
    await ds.destroy();
    await embedded?.stop();
  }
}
