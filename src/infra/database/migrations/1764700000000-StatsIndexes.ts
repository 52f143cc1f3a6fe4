import { MigrationInterface, QueryRunner } from 'typeorm';

/** Indexes the stats queries range over: payments by paid time, refunds and event registrations by creation, per business. */
export class StatsIndexes1764700000000 implements MigrationInterface {
  name = 'StatsIndexes1764700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_payments_business_paid" ON "payments" ("business_id", "paid_at") WHERE "paid_at" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_payment_refunds_business_created" ON "payment_refunds" ("business_id", "created_at")`);
    await queryRunner.query(
      `CREATE INDEX "ix_event_registrations_business_created" ON "event_registrations" ("business_id", "created_at")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_event_registrations_business_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_payment_refunds_business_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_payments_business_paid"`);
  }
}
