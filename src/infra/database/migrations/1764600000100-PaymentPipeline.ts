import { MigrationInterface, QueryRunner } from 'typeorm';
import { addUpdatedAtTrigger } from '../updated-at-trigger';

/**
 * The payment pipeline: the notifications inbox (one row per business, provider
 * and gateway transaction key), refunds, what a paid payment led to (transaction,
 * document, receipt email), polling and expiry, and the one-document-per-source
 * index on invoices.
 */
export class PaymentPipeline1764600000100 implements MigrationInterface {
  name = 'PaymentPipeline1764600000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "payments" ALTER COLUMN "status" TYPE character varying(20)`);
    await queryRunner.query(`ALTER TABLE "payment_settings" ADD "credentials_checked_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`
        CREATE TABLE "payment_notifications" (
            "id" uuid NOT NULL DEFAULT gen_random_uuid(),
            "business_id" uuid NOT NULL,
            "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
            "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
            "provider" character varying(16) NOT NULL,
            "key" character varying(120) NOT NULL,
            "gateway_reference" character varying(100) NOT NULL,
            "fields" jsonb NOT NULL DEFAULT '{}',
            "raw" text NOT NULL,
            "content_type" character varying(100),
            "deliveries" integer NOT NULL DEFAULT '1',
            "status" character varying(16) NOT NULL DEFAULT 'received',
            "payment_id" uuid,
            "outcome" character varying(300),
            "verified_at" TIMESTAMP WITH TIME ZONE,
            "acknowledged_at" TIMESTAMP WITH TIME ZONE,
            CONSTRAINT "PK_082d8f71d8c4cbd34419f866313" PRIMARY KEY ("id")
        )
    `);
    await queryRunner.query(`
        CREATE INDEX "IDX_f0b5fcf2b61535b600a9fd4ca9" ON "payment_notifications" ("business_id")
    `);
    await queryRunner.query(`
        CREATE UNIQUE INDEX "uq_payment_notifications_key" ON "payment_notifications" ("business_id", "provider", "key")
    `);
    await queryRunner.query(`
        CREATE TABLE "payment_refunds" (
            "id" uuid NOT NULL DEFAULT gen_random_uuid(),
            "business_id" uuid NOT NULL,
            "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
            "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
            "payment_id" uuid NOT NULL,
            "amount_agorot" integer NOT NULL,
            "status" character varying(16) NOT NULL DEFAULT 'requested',
            "gateway_refund_id" character varying(100),
            "error" character varying(300),
            "credit_note_id" uuid,
            "requested_by" character varying(160) NOT NULL,
            CONSTRAINT "PK_c33fe9426d69e3d60080c7d2f06" PRIMARY KEY ("id")
        )
    `);
    await queryRunner.query(`
        CREATE INDEX "IDX_9a287156dbbce1b6c9cd4c9e5f" ON "payment_refunds" ("business_id")
    `);
    await queryRunner.query(`
        CREATE INDEX "ix_payment_refunds_payment" ON "payment_refunds" ("payment_id")
    `);
    await queryRunner.query(`
        ALTER TABLE "invoices"
        ADD "source" character varying(80)
    `);
    await queryRunner.query(`
        ALTER TABLE "payments"
        ADD "transaction_id" character varying(100)
    `);
    await queryRunner.query(`
        ALTER TABLE "payments"
        ADD "refund_data" jsonb NOT NULL DEFAULT '{}'
    `);
    await queryRunner.query(`
        ALTER TABLE "payments"
        ADD "paid_at" TIMESTAMP WITH TIME ZONE
    `);
    await queryRunner.query(`
        ALTER TABLE "payments"
        ADD "refunded_agorot" integer NOT NULL DEFAULT '0'
    `);
    await queryRunner.query(`
        ALTER TABLE "payments"
        ADD "review_reason" character varying(300)
    `);
    await queryRunner.query(`
        ALTER TABLE "payments"
        ADD "expires_at" TIMESTAMP WITH TIME ZONE
    `);
    await queryRunner.query(`
        ALTER TABLE "payments"
        ADD "next_check_at" TIMESTAMP WITH TIME ZONE
    `);
    await queryRunner.query(`
        ALTER TABLE "payments"
        ADD "checks" integer NOT NULL DEFAULT '0'
    `);
    await queryRunner.query(`
        ALTER TABLE "payments"
        ADD "invoice_id" uuid
    `);
    await queryRunner.query(`
        ALTER TABLE "payments"
        ADD "receipt_message_id" uuid
    `);
    await queryRunner.query(`
        CREATE UNIQUE INDEX "uq_invoices_source" ON "invoices" ("business_id", "source")
        WHERE "source" IS NOT NULL
    `);
    await queryRunner.query(`
        CREATE INDEX "ix_payments_due" ON "payments" ("next_check_at")
        WHERE "next_check_at" IS NOT NULL
    `);
    await queryRunner.query(`
        CREATE INDEX "ix_payments_gateway_reference" ON "payments" ("business_id", "provider", "gateway_reference")
    `);
    await queryRunner.query(`
        ALTER TABLE "payment_notifications"
        ADD CONSTRAINT "FK_f0b5fcf2b61535b600a9fd4ca99" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
        ALTER TABLE "payment_refunds"
        ADD CONSTRAINT "FK_9a287156dbbce1b6c9cd4c9e5ff" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
        ALTER TABLE "payment_refunds"
        ADD CONSTRAINT "FK_a10d6c1918989353b79932a2bad" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await addUpdatedAtTrigger(queryRunner, 'payment_notifications');
    await addUpdatedAtTrigger(queryRunner, 'payment_refunds');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "payment_refunds"`);
    await queryRunner.query(`DROP TABLE "payment_notifications"`);
    await queryRunner.query(`DROP INDEX "public"."uq_invoices_source"`);
    await queryRunner.query(`ALTER TABLE "invoices" DROP COLUMN "source"`);
    await queryRunner.query(`DROP INDEX "public"."ix_payments_gateway_reference"`);
    await queryRunner.query(`DROP INDEX "public"."ix_payments_due"`);
    await queryRunner.query(`ALTER TABLE "payments" ALTER COLUMN "status" TYPE character varying(16)`);
    await queryRunner.query(`ALTER TABLE "payment_settings" DROP COLUMN "credentials_checked_at"`);
    for (const column of [
      'receipt_message_id',
      'invoice_id',
      'checks',
      'next_check_at',
      'expires_at',
      'review_reason',
      'refunded_agorot',
      'paid_at',
      'refund_data',
      'transaction_id',
    ])
      await queryRunner.query(`ALTER TABLE "payments" DROP COLUMN "${column}"`);
  }
}
