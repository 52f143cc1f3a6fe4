import { MigrationInterface, QueryRunner } from 'typeorm';
import { addUpdatedAtTrigger } from '../updated-at-trigger';

/** Outbound webhooks: the endpoints a business registers and the delivery log. */
export class OutboundWebhooks1764900000100 implements MigrationInterface {
  name = 'OutboundWebhooks1764900000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "webhook_endpoints" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "url" character varying(2048) NOT NULL,
        "description" character varying(500),
        "event_types" text array NOT NULL,
        "secret" text NOT NULL,
        "previous_secret" text,
        "previous_secret_expires_at" TIMESTAMP WITH TIME ZONE,
        "status" character varying(16) NOT NULL DEFAULT 'enabled',
        "disabled_reason" character varying(300),
        "disabled_at" TIMESTAMP WITH TIME ZONE,
        "consecutive_failures" integer NOT NULL DEFAULT 0,
        "failing_since" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_webhook_endpoints" PRIMARY KEY ("id"),
        CONSTRAINT "FK_d040923ed8f6dc87f9266e9528a" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_d040923ed8f6dc87f9266e9528" ON "webhook_endpoints" ("business_id")`);
    await addUpdatedAtTrigger(queryRunner, 'webhook_endpoints');

    await queryRunner.query(`
      CREATE TABLE "webhook_deliveries" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "endpoint_id" uuid NOT NULL,
        "event_id" uuid NOT NULL,
        "event_type" character varying(64) NOT NULL,
        "payload" jsonb NOT NULL,
        "status" character varying(16) NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "series" integer NOT NULL DEFAULT 0,
        "next_attempt_at" TIMESTAMP WITH TIME ZONE,
        "last_attempt_at" TIMESTAMP WITH TIME ZONE,
        "last_status_code" integer,
        "last_error" character varying(500),
        "response_snippet" text,
        "duration_ms" integer,
        "delivered_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_webhook_deliveries" PRIMARY KEY ("id"),
        CONSTRAINT "FK_746933c2940bfc764a1d247bd3e" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_0b882c26a9b91c26e6e86b4867c" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_746933c2940bfc764a1d247bd3" ON "webhook_deliveries" ("business_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_webhook_deliveries_endpoint_event" ON "webhook_deliveries" ("endpoint_id", "event_id")`,
    );
    await queryRunner.query(`CREATE INDEX "idx_webhook_deliveries_endpoint_created" ON "webhook_deliveries" ("endpoint_id", "created_at")`);
    await queryRunner.query(
      `CREATE INDEX "idx_webhook_deliveries_pending_due" ON "webhook_deliveries" ("next_attempt_at") WHERE status = 'pending'`,
    );
    await addUpdatedAtTrigger(queryRunner, 'webhook_deliveries');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "webhook_endpoints"`);
  }
}
