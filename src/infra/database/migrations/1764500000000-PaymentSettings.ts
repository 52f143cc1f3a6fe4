import { MigrationInterface, QueryRunner } from 'typeorm';
import { addUpdatedAtTrigger } from '../updated-at-trigger';

/**
 * Per-business payment settings: the chosen gateway, its credentials sealed
 * under ENCRYPTION_KEY, and the secret webhook token (found by its hash).
 */
export class PaymentSettings1764500000000 implements MigrationInterface {
  name = 'PaymentSettings1764500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "payment_settings" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "provider" character varying(16),
        "credentials" text,
        "credentials_last4" character varying(4),
        "webhook_token_hash" character(64) NOT NULL,
        "webhook_token" text NOT NULL,
        CONSTRAINT "PK_78624861ce2178d6835fb1d9fdf" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_f025dca8e1df7ddb64699795a5" ON "payment_settings" ("business_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_payment_settings_webhook_token" ON "payment_settings" ("webhook_token_hash")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_payment_settings_business" ON "payment_settings" ("business_id")`);
    await queryRunner.query(`
      ALTER TABLE "payment_settings"
      ADD CONSTRAINT "FK_f025dca8e1df7ddb64699795a5b" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await addUpdatedAtTrigger(queryRunner, 'payment_settings');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "payment_settings"`);
  }
}
