import { MigrationInterface, QueryRunner } from 'typeorm';
import { addUpdatedAtTrigger } from '../updated-at-trigger';

/** A business's messaging settings: sender, which events notify on which channels, quiet hours. */
export class NotificationSettings1764200000000 implements MigrationInterface {
  name = 'NotificationSettings1764200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification_settings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "business_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sender_name" character varying(100), "reply_to" character varying(254), "sms_sender" character varying(20), "events" jsonb NOT NULL, "quiet_from" character varying(5) NOT NULL, "quiet_to" character varying(5) NOT NULL, "shabbat_from" character varying(5), "shabbat_to" character varying(5), CONSTRAINT "PK_d131abd7996c475ef768d4559ba" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c5e277d4b6ec2eb46a94a52c89" ON "notification_settings" ("business_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_notification_settings_business" ON "notification_settings" ("business_id") `);
    await queryRunner.query(
      `ALTER TABLE "notification_settings" ADD CONSTRAINT "FK_c5e277d4b6ec2eb46a94a52c89b" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await addUpdatedAtTrigger(queryRunner, 'notification_settings');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_settings" DROP CONSTRAINT "FK_c5e277d4b6ec2eb46a94a52c89b"`);
    await queryRunner.query(`DROP INDEX "public"."uq_notification_settings_business"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c5e277d4b6ec2eb46a94a52c89"`);
    await queryRunner.query(`DROP TABLE "notification_settings"`);
  }
}
