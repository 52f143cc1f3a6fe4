import { randomBytes } from 'node:crypto';
import { after, before } from 'node:test';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/infra/database/data-source-options';

const adminUrl = () => process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function urlFor(db: string): string {
  const u = new URL(adminUrl());
  u.pathname = `/${db}`;
  return u.toString();
}

/**
 * A fresh, migrated database for one test file, cloned from the run's
 * template (scripts/test.mjs makes it). Dropped again by `drop()` or at the
 * end of the run.
 */
export async function createTestDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const template = process.env.TEST_TEMPLATE_DB;
  if (!template) throw new Error('TEST_TEMPLATE_DB is not set: run the tests with `npm test`');
  const name = `chatgrow_t_${process.env.TEST_RUN_ID}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: urlFor(name),
    async drop() {
      const c = new Client({ connectionString: adminUrl() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => c.end());
    },
  };
}

/**
 * For a test file that talks to the database through TypeORM: a fresh
 * migrated database and a DataSource on it, opened before the file's tests
 * and closed and dropped after them. Call inside `describe`; the returned
 * function gives the DataSource once the tests run.
 */
export function useTestDataSource(): () => DataSource {
  let ds: DataSource | undefined;
  let drop: (() => Promise<void>) | undefined;
  before(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    ds = await new DataSource(dataSourceOptions(db.url)).initialize();
  });
  after(async () => {
    await ds?.destroy();
    await drop?.();
  });
  return () => {
    if (!ds) throw new Error('the test DataSource is opened in before(): use it inside a test');
    return ds;
  };
}
