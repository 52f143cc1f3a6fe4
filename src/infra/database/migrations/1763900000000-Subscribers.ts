import { MigrationInterface, QueryRunner } from 'typeorm';

/** The marketing list: per-channel consent status and times, linked to a customer when one matches. */
export class Subscribers1763900000000 implements MigrationInterface {
  name = 'Subscribers1763900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "subscribers" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "email" character varying(254),
        "phone" character varying(20),
        "name" character varying(160),
        "lists" text array NOT NULL DEFAULT '{}',
        "email_status" character varying(16),
        "email_consent_at" TIMESTAMP WITH TIME ZONE,
        "email_unsubscribed_at" TIMESTAMP WITH TIME ZONE,
        "sms_status" character varying(16),
        "sms_consent_at" TIMESTAMP WITH TIME ZONE,
        "sms_unsubscribed_at" TIMESTAMP WITH TIME ZONE,
        "consent_ip" character varying(64),
        "consent_source" character varying(60) NOT NULL DEFAULT 'manual',
        "customer_id" uuid,
        CONSTRAINT "ck_subscribers_sms_status" CHECK (("phone" IS NULL) = ("sms_status" IS NULL)),
        CONSTRAINT "ck_subscribers_email_status" CHECK (("email" IS NULL) = ("email_status" IS NULL)),
        CONSTRAINT "ck_subscribers_contact" CHECK ("email" IS NOT NULL OR "phone" IS NOT NULL),
        CONSTRAINT "PK_cbe0a7a9256c826f403c0236b67" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_72cc84c2644037cd7757e56435" ON "subscribers" ("business_id")`);
    await queryRunner.query(`CREATE INDEX "ix_subscribers_customer" ON "subscribers" ("customer_id")`);
    await queryRunner.query(`CREATE INDEX "ix_subscribers_business_created" ON "subscribers" ("business_id", "created_at")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_subscribers_business_phone" ON "subscribers" ("business_id", "phone") WHERE phone IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_subscribers_business_email" ON "subscribers" ("business_id", "email") WHERE email IS NOT NULL`,
    );
    // `?list=` filters with `lists @> ARRAY[...]`.
    await queryRunner.query(`CREATE INDEX "ix_subscribers_lists" ON "subscribers" USING gin ("lists")`);
    await queryRunner.query(`
      ALTER TABLE "subscribers"
      ADD CONSTRAINT "FK_72cc84c2644037cd7757e564355" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "subscribers"
      ADD CONSTRAINT "FK_dbdf47af481fc7234de91d2c1fc" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE SET NULL ON UPDATE NO ACTION
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "subscribers"`);
  }
}
