import { MigrationInterface, QueryRunner } from 'typeorm';
import { addUpdatedAtTrigger } from '../updated-at-trigger';

/** Payments asked of customers through a gateway, and each payment's history. */
export class Payments1764500000200 implements MigrationInterface {
  name = 'Payments1764500000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "payments" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "customer_id" uuid NOT NULL,
        "amount_agorot" integer NOT NULL,
        "currency" character(3) NOT NULL DEFAULT 'ILS',
        "description" character varying(250) NOT NULL,
        "lines" jsonb,
        "installments" integer NOT NULL DEFAULT '1',
        "provider" character varying(16) NOT NULL,
        "status" character varying(16) NOT NULL DEFAULT 'pending',
        "gateway_reference" character varying(100),
        "page_url" text,
        "success_url" text,
        "failure_url" text,
        CONSTRAINT "PK_197ab7af18c93fbb0c9b28b4a59" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_07889d42d0b29705cf4a649576" ON "payments" ("business_id")`);
    await queryRunner.query(`CREATE INDEX "ix_payments_business_created" ON "payments" ("business_id", "created_at")`);
    await queryRunner.query(`
      CREATE TABLE "payment_events" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "payment_id" uuid NOT NULL,
        "type" character varying(40) NOT NULL,
        "detail" jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT "PK_9f1d16fc78b33e676940a32e8b5" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_f33750935dd4abfdbbb5e307ca" ON "payment_events" ("business_id")`);
    await queryRunner.query(`CREATE INDEX "ix_payment_events_payment" ON "payment_events" ("payment_id", "created_at")`);
    await queryRunner.query(`
      ALTER TABLE "payments"
      ADD CONSTRAINT "FK_07889d42d0b29705cf4a649576b" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "payments"
      ADD CONSTRAINT "FK_d0b02233df1c52323107fe7b4d7" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "payment_events"
      ADD CONSTRAINT "FK_f33750935dd4abfdbbb5e307ca9" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "payment_events"
      ADD CONSTRAINT "FK_829c2f9024093a7f56a239acd97" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await addUpdatedAtTrigger(queryRunner, 'payments');
    await addUpdatedAtTrigger(queryRunner, 'payment_events');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "payment_events"`);
    await queryRunner.query(`DROP TABLE "payments"`);
  }
}
