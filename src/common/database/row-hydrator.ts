import type { Driver, EntityMetadata, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** Turns one row of `SELECT *` on an entity's table into the entity. */
export type RowHydrator<T> = (row: Record<string, unknown>) => T;

/**
 * Column types whose values `pg` already delivers as TypeORM would leave them
 * (`PostgresDriver.prepareHydratedValue` changes none of them; a transformer,
 * if any, still runs).
 */
const AS_DELIVERED = new Set([
  'uuid',
  'varchar',
  'character varying',
  'text',
  'integer',
  'int',
  'int4',
  'smallint',
  'bigint',
  'boolean',
  'jsonb',
  'json',
]);
/** Timestamps: `pg` gives a Date; TypeORM turns a string into one (`DateUtils.normalizeHydratedDate`). */
const TIMESTAMPS = new Set(['timestamptz', 'timestamp with time zone', 'timestamp', 'timestamp without time zone']);

/** A JavaScript string literal of a property or column name (they come from entity metadata, never from input). */
const literal = (name: string) => JSON.stringify(name);

const cache = new WeakMap<EntityMetadata, RowHydrator<ObjectLiteral>>();

/**
 * The hydrator of an entity, compiled once: a function that reads each column
 * and writes each property by its literal name, so V8 keeps one inline cache
 * per column instead of TypeORM's per-value walk (`prepareHydratedValue` and
 * `setEntityValue` for every column of every row, megamorphic on the hot list
 * pages). The result is what TypeORM's own loading makes: the entity's
 * prototype without running its constructor, values converted as the driver
 * converts them; columns this does not recognise (other types, transformers,
 * embedded or virtual relation columns) go through TypeORM's own calls.
 */
export function rowHydrator<T extends ObjectLiteral>(metadata: EntityMetadata, driver: Driver): RowHydrator<T> {
  const known = cache.get(metadata);
  if (known) return known as RowHydrator<T>;
  const columns: ColumnMetadata[] = [];
  const lines = metadata.columns.map((column) => {
    const value = `row[${literal(column.databaseName)}]`;
    const plain = !column.embeddedMetadata && !(column.isVirtual && column.referencedColumn);
    const type = typeof column.type === 'string' ? column.type : '';
    if (plain && !column.transformer && AS_DELIVERED.has(type)) return `e[${literal(column.propertyName)}] = ${value};`;
    if (plain && !column.transformer && TIMESTAMPS.has(type)) {
      return `v = ${value}; e[${literal(column.propertyName)}] = typeof v === 'string' ? new Date(v) : v;`;
    }
    const i = columns.push(column) - 1;
    return `columns[${i}].setEntityValue(e, driver.prepareHydratedValue(${value}, columns[${i}]));`;
  });
  const compile = new Function(
    'prototype',
    'columns',
    'driver',
    `return function hydrate(row) {\n  const e = Object.create(prototype);\n  let v;\n  ${lines.join('\n  ')}\n  return e;\n};`,
  );
  const hydrator = compile((metadata.target as { prototype: object }).prototype, columns, driver) as RowHydrator<T>;
  cache.set(metadata, hydrator);
  return hydrator;
}
