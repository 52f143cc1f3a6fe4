import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The customers list's default page (live customers, newest first, ties by id)
 * read straight off an index in its order: without it PostgreSQL sorts every
 * customer of the business to return twenty.
 */
export class CustomersListIndex1764400000000 implements MigrationInterface {
  name = 'CustomersListIndex1764400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_customers_live_newest" ON "customers" ("business_id", "created_at" DESC NULLS LAST, "id") WHERE "archived_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_customers_live_newest"`);
  }
}
