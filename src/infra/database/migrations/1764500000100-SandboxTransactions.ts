import { MigrationInterface, QueryRunner } from 'typeorm';
import { addUpdatedAtTrigger } from '../updated-at-trigger';

/** The sandbox payment gateway's ledger: its hosted pages and what was paid on them. */
export class SandboxTransactions1764500000100 implements MigrationInterface {
  name = 'SandboxTransactions1764500000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "sandbox_transactions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "token" character varying(64) NOT NULL,
        "reference" character varying(64) NOT NULL,
        "amount_agorot" integer NOT NULL,
        "description" character varying(250) NOT NULL,
        "installments" integer NOT NULL DEFAULT '1',
        "success_url" text NOT NULL,
        "failure_url" text NOT NULL,
        "notify_url" text NOT NULL,
        "status" character varying(10) NOT NULL DEFAULT 'open',
        "decline_reason" character varying(200),
        "transaction_id" character varying(40),
        "card_last4" character(4),
        "completed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_28ce9ce16fa9e535e321a9e77f5" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_e02bb6de81ab91ae18f2d9d26b" ON "sandbox_transactions" ("business_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_sandbox_transactions_token" ON "sandbox_transactions" ("token")`);
    await queryRunner.query(`
      ALTER TABLE "sandbox_transactions"
      ADD CONSTRAINT "FK_e02bb6de81ab91ae18f2d9d26ba" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await addUpdatedAtTrigger(queryRunner, 'sandbox_transactions');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sandbox_transactions"`);
  }
}
