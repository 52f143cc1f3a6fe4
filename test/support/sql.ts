import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** A bare business row, for integration tests below the HTTP layer. */
export async function insertBusiness(ds: DataSource, name: string): Promise<string> {
  const rows: { id: string }[] = await ds.query(`INSERT INTO businesses (name, slug) VALUES ($1, $2) RETURNING id`, [
    name,
    `b-${randomBytes(5).toString('hex')}`,
  ]);
  return rows[0].id;
}
