import { MigrationInterface, QueryRunner } from 'typeorm';
import { addUpdatedAtTrigger } from '../updated-at-trigger';

/** A business's own versions of the built-in notification templates: one per (key, channel, locale). */
export class NotificationTemplates1764200000100 implements MigrationInterface {
  name = 'NotificationTemplates1764200000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "notification_templates" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "key" character varying(64) NOT NULL,
        "channel" character varying(16) NOT NULL,
        "locale" character varying(2) NOT NULL,
        "subject" text,
        "body" text NOT NULL,
        "html" text,
        CONSTRAINT "ck_notification_templates_html" CHECK ("channel" = 'email' OR "html" IS NULL),
        CONSTRAINT "ck_notification_templates_subject" CHECK (("channel" = 'email') = ("subject" IS NOT NULL)),
        CONSTRAINT "PK_76f0fc48b8d057d2ae7f3a2848a" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_ad0841daa033a26004e2462a54" ON "notification_templates" ("business_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_notification_templates_slot" ON "notification_templates" ("business_id", "key", "channel", "locale")`,
    );
    await queryRunner.query(`
      ALTER TABLE "notification_templates"
      ADD CONSTRAINT "FK_ad0841daa033a26004e2462a544" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await addUpdatedAtTrigger(queryRunner, 'notification_templates');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "notification_templates"`);
  }
}
