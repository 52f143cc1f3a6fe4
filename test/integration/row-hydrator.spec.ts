import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DataSource, type EntityMetadata } from 'typeorm';
import { rowHydrator } from '../../src/common/database/row-hydrator';
import { Customer } from '../../src/modules/customers/entities/customer.entity';
import { useTestDataSource } from '../support/database';
import { insertBusiness } from '../support/sql';

/** What TypeORM's own loading makes of a row: every column through the driver and `setEntityValue`. */
function typeormHydrate(ds: DataSource, metadata: EntityMetadata, row: Record<string, unknown>): object {
  const entity = Object.create((metadata.target as { prototype: object }).prototype) as object;
  for (const column of metadata.columns) column.setEntityValue(entity, ds.driver.prepareHydratedValue(row[column.databaseName], column));
  return entity;
}

/** A value as `pg` delivers it for a column of this type (variant 1: the unusual forms TypeORM still converts). */
function sample(type: string, isArray: boolean, variant: number): unknown {
  if (isArray) return variant ? [] : ['א', 'b'];
  if (/timestamp/.test(type)) return variant ? '2026-03-01T10:00:00.000Z' : new Date('2026-03-01T10:00:00Z');
  if (type === 'date') return variant ? new Date(2026, 2, 1) : '2026-03-01';
  if (type === 'bigint' || type === 'numeric' || type === 'decimal') return '12345678901';
  if (/int/.test(type)) return 42;
  if (type === 'boolean') return variant === 0;
  if (type === 'jsonb' || type === 'json') return variant ? [1, { a: 'ב' }] : { key: 'ערך' };
  return variant ? '' : 'שלום';
}

describe('rowHydrator', () => {
  const dataSource = useTestDataSource();

  it('makes what TypeORM makes of a row, for every entity, column type and null', () => {
    const ds = dataSource();
    assert.ok(ds.entityMetadatas.length > 20);
    for (const metadata of ds.entityMetadatas) {
      const hydrate = rowHydrator(metadata, ds.driver);
      const rows = [0, 1].map((variant) =>
        Object.fromEntries(metadata.columns.map((c) => [c.databaseName, sample(String(c.type), c.isArray, variant)])),
      );
      rows.push(Object.fromEntries(metadata.columns.map((c) => [c.databaseName, null])));
      for (const row of rows) {
        const ours = hydrate(row);
        assert.deepEqual(ours, typeormHydrate(ds, metadata, row), `${metadata.name}: ${JSON.stringify(row)}`);
        assert.equal(Object.getPrototypeOf(ours), (metadata.target as { prototype: object }).prototype, metadata.name);
      }
      assert.equal(rowHydrator(metadata, ds.driver), hydrate, 'compiled once per entity');
    }
  });

  it('reads real rows as the repository reads them (bigint as a number, dates, arrays, jsonb, a calendar date)', async () => {
    const ds = dataSource();
    const businessId = await insertBusiness(ds, 'עסק');
    await ds.query(
      `INSERT INTO customers (business_id, first_name, phone, tags, birthday, custom_fields, total_spend_agorot, email_consent_at, search_text)
       VALUES ($1, 'דנה', '+972501234567', '{vip,"תג"}', '1990-02-28', '{"k": 1}', 9007199254740, now(), 'דנה')`,
      [businessId],
    );
    const metadata = ds.getMetadata(Customer);
    const [row] = (await ds.query('SELECT * FROM customers WHERE business_id = $1', [businessId])) as Record<string, unknown>[];
    const customer = rowHydrator<Customer>(metadata, ds.driver)(row);
    assert.deepEqual(customer, typeormHydrate(ds, metadata, row));
    assert.ok(customer instanceof Customer);
    assert.equal(customer.totalSpendAgorot, 9007199254740);
    assert.equal(customer.birthday, '1990-02-28');
    assert.deepEqual(customer.tags, ['vip', 'תג']);
    assert.deepEqual(customer.customFields, { k: 1 });
    assert.ok(customer.emailConsentAt instanceof Date);
    assert.equal(customer.lastName, null);
  });
});
