import { MigrationInterface, QueryRunner } from 'typeorm';
import { addUpdatedAtTrigger } from '../updated-at-trigger';

/** Campaigns and their recipients (UNIQUE campaign + customer, campaign + subscriber: a recipient is sent one message). */
export class Campaigns1764800000200 implements MigrationInterface {
  name = 'Campaigns1764800000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "campaigns" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "name" character varying(120) NOT NULL,
        "channel" character varying(20) NOT NULL,
        "segment_id" uuid,
        "subscriber_list" character varying(60),
        "audience_rule" jsonb,
        "subject" character varying(300),
        "body" text NOT NULL,
        "html" text,
        "locale" character varying(2),
        "status" character varying(20) NOT NULL DEFAULT 'draft',
        "scheduled_at" TIMESTAMP WITH TIME ZONE,
        "track_opens" boolean NOT NULL DEFAULT false,
        "track_clicks" boolean NOT NULL DEFAULT false,
        "cursor" uuid,
        "batches_done" integer NOT NULL DEFAULT 0,
        "started_at" TIMESTAMP WITH TIME ZONE,
        "finished_at" TIMESTAMP WITH TIME ZONE,
        "cancelled_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_campaigns" PRIMARY KEY ("id"),
        CONSTRAINT "FK_778013f0785179c0d7ea5c279ea" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_778013f0785179c0d7ea5c279e" ON "campaigns" ("business_id")`);
    await queryRunner.query(`CREATE INDEX "ix_campaigns_business_created" ON "campaigns" ("business_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "ix_campaigns_status_scheduled" ON "campaigns" ("status", "scheduled_at")`);
    await addUpdatedAtTrigger(queryRunner, 'campaigns');

    await queryRunner.query(`
      CREATE TABLE "campaign_recipients" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "campaign_id" uuid NOT NULL,
        "customer_id" uuid,
        "subscriber_id" uuid,
        "message_id" uuid NOT NULL,
        "status" character varying(20) NOT NULL DEFAULT 'pending',
        "error" character varying(300),
        "opened_at" TIMESTAMP WITH TIME ZONE,
        "clicked_at" TIMESTAMP WITH TIME ZONE,
        "unsubscribed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_campaign_recipients" PRIMARY KEY ("id"),
        CONSTRAINT "FK_68e2c25aa52093d28af9bd2011e" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_37f67f778844dcc3a0d641a6173" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_32f0bb816a98024f6acf91b6502" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_0db2021d96601e9e78ac61645da" FOREIGN KEY ("subscriber_id") REFERENCES "subscribers"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_68e2c25aa52093d28af9bd2011" ON "campaign_recipients" ("business_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_campaign_recipients_campaign_customer" ON "campaign_recipients" ("campaign_id", "customer_id")`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_campaign_recipients_message" ON "campaign_recipients" ("message_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_campaign_recipients_campaign_subscriber" ON "campaign_recipients" ("campaign_id", "subscriber_id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_campaign_recipients_customer" ON "campaign_recipients" ("customer_id")`);
    await queryRunner.query(`CREATE INDEX "ix_campaign_recipients_subscriber" ON "campaign_recipients" ("subscriber_id")`);
    await addUpdatedAtTrigger(queryRunner, 'campaign_recipients');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "campaign_recipients"`);
    await queryRunner.query(`DROP TABLE "campaigns"`);
  }
}
