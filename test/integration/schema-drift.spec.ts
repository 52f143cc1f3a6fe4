import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestDataSource } from '../support/database';

describe('migrations and entities', () => {
  const dataSource = useTestDataSource();

  it('describe the same schema: TypeORM finds nothing to change after the migrations ran', async () => {
    const ds = dataSource();
    const pending = await ds.driver.createSchemaBuilder().log();
    assert.deepEqual(
      pending.upQueries.map((q) => q.query),
      [],
    );
  });

  it('stamp updated_at in the database on every table that has one', async () => {
    const ds = dataSource();
    const missing: { table_name: string }[] = await ds.query(`
      SELECT c.table_name FROM information_schema.columns c
      WHERE c.table_schema = 'public' AND c.column_name = 'updated_at'
        AND NOT EXISTS (SELECT 1 FROM information_schema.triggers t
                        WHERE t.event_object_table = c.table_name AND t.trigger_name = 'trg_' || c.table_name || '_updated_at')`);
    assert.deepEqual(
      missing.map((r) => r.table_name),
      [],
    );
  });

  it('have nothing left to run', async () => {
    const ds = dataSource();
    assert.equal(await ds.showMigrations(), false);
  });

  it('can be reverted one by one and applied again', async () => {
    const ds = dataSource();
    const count = ds.migrations.length;
    for (let i = 0; i < count; i++) await ds.undoLastMigration({ transaction: 'each' });
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM schema_migrations`);
    assert.equal(n, 0);
    await ds.runMigrations({ transaction: 'each' });
    assert.equal(await ds.showMigrations(), false);
  });
});
