import { MigrationInterface, QueryRunner } from 'typeorm';
import { addUpdatedAtTrigger } from '../updated-at-trigger';

/**
 * What audience rules read besides the customer's own columns: the last visit
 * and the last purchase on the customer, and `customer_facts` (booked a
 * service, registered to an event). Existing data is carried over.
 */
export class AudienceFacts1764800000000 implements MigrationInterface {
  name = 'AudienceFacts1764800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "customers" ADD "last_visit_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "customers" ADD "last_paid_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`
      CREATE TABLE "customer_facts" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "customer_id" uuid NOT NULL,
        "kind" character varying(16) NOT NULL,
        "ref_id" uuid NOT NULL,
        "first_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "last_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_customer_facts" PRIMARY KEY ("id"),
        CONSTRAINT "FK_1603955f477cf0f2b5c69e825ba" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_1a5f2d793b8f184d46f4e04a905" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_1603955f477cf0f2b5c69e825b" ON "customer_facts" ("business_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_customer_facts_customer_kind_ref" ON "customer_facts" ("customer_id", "kind", "ref_id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_customer_facts_business_kind_ref" ON "customer_facts" ("business_id", "kind", "ref_id")`);
    await addUpdatedAtTrigger(queryRunner, 'customer_facts');

    await queryRunner.query(`
      UPDATE "customers" c SET "last_visit_at" = a.at
      FROM (SELECT customer_id, max(starts_at) AS at FROM "appointments" WHERE status = 'completed' GROUP BY customer_id) a
      WHERE a.customer_id = c.id`);
    await queryRunner.query(`
      UPDATE "customers" c SET "last_paid_at" = i.at
      FROM (SELECT customer_id, max(issued_at) AS at FROM "invoices" WHERE type <> 'credit_note' GROUP BY customer_id) i
      WHERE i.customer_id = c.id`);
    await queryRunner.query(`
      INSERT INTO "customer_facts" (business_id, customer_id, kind, ref_id, first_at, last_at)
      SELECT business_id, customer_id, 'service', service_id, min(created_at), max(created_at)
      FROM "appointments" GROUP BY business_id, customer_id, service_id`);
    await queryRunner.query(`
      INSERT INTO "customer_facts" (business_id, customer_id, kind, ref_id, first_at, last_at)
      SELECT business_id, customer_id, 'event', event_id, min(created_at), max(created_at)
      FROM "event_registrations" WHERE status <> 'cancelled' GROUP BY business_id, customer_id, event_id`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "customer_facts"`);
    await queryRunner.query(`ALTER TABLE "customers" DROP COLUMN "last_paid_at"`);
    await queryRunner.query(`ALTER TABLE "customers" DROP COLUMN "last_visit_at"`);
  }
}
