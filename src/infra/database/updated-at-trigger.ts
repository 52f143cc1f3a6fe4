import type { QueryRunner } from 'typeorm';

/**
 * `updated_at` is stamped by PostgreSQL, not by the app: a BEFORE UPDATE
 * trigger sets it after the row lock is taken, to the later of the wall clock
 * and the previous stamp plus a microsecond. So a change always carries a
 * stamp later than every change before it, even when transactions that began
 * earlier commit later ("changed since" sync never misses one). Every table
 * with an `updated_at` column gets the trigger (a schema test checks it).
 */
export const STAMP_FUNCTION = `CREATE OR REPLACE FUNCTION stamp_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := GREATEST(clock_timestamp(), OLD.updated_at + interval '1 microsecond');
  RETURN NEW;
END $$`;

export async function addUpdatedAtTrigger(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(
    `CREATE TRIGGER "trg_${table}_updated_at" BEFORE UPDATE ON "${table}" FOR EACH ROW EXECUTE FUNCTION stamp_updated_at()`,
  );
}

export async function dropUpdatedAtTrigger(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`DROP TRIGGER IF EXISTS "trg_${table}_updated_at" ON "${table}"`);
}
