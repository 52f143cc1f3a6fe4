import { MigrationInterface, QueryRunner } from 'typeorm';
import { addUpdatedAtTrigger } from '../updated-at-trigger';

/** WhatsApp: each business's Cloud API account (token sealed), its synced templates, their mapping to our keys, and the 24-hour window per phone. */
export class WhatsApp1764900000200 implements MigrationInterface {
  name = 'WhatsApp1764900000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const base = `
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),`;
    await queryRunner.query(`
      CREATE TABLE "whatsapp_settings" (${base}
        "phone_number_id" character varying(32) NOT NULL,
        "business_account_id" character varying(32) NOT NULL,
        "access_token" text NOT NULL,
        "access_token_last4" character varying(4) NOT NULL,
        "display_phone_number" character varying(32),
        "checked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_whatsapp_settings" PRIMARY KEY ("id"),
        CONSTRAINT "FK_b488b02e28ad84df59bdfc8973f" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_b488b02e28ad84df59bdfc8973" ON "whatsapp_settings" ("business_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_whatsapp_settings_business" ON "whatsapp_settings" ("business_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_whatsapp_settings_phone_number" ON "whatsapp_settings" ("phone_number_id")`);
    await addUpdatedAtTrigger(queryRunner, 'whatsapp_settings');

    await queryRunner.query(`
      CREATE TABLE "whatsapp_templates" (${base}
        "name" character varying(512) NOT NULL,
        "language" character varying(16) NOT NULL,
        "category" character varying(32) NOT NULL,
        "body" text NOT NULL,
        "parameter_count" integer NOT NULL,
        "synced_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_whatsapp_templates" PRIMARY KEY ("id"),
        CONSTRAINT "FK_4a7af1fea879372c49170fcf970" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_4a7af1fea879372c49170fcf97" ON "whatsapp_templates" ("business_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_whatsapp_templates_business_name_language" ON "whatsapp_templates" ("business_id", "name", "language")`,
    );
    await addUpdatedAtTrigger(queryRunner, 'whatsapp_templates');

    await queryRunner.query(`
      CREATE TABLE "whatsapp_template_mappings" (${base}
        "template_key" character varying(64) NOT NULL,
        "name" character varying(512) NOT NULL,
        "language" character varying(16) NOT NULL,
        "parameters" text array NOT NULL DEFAULT '{}',
        CONSTRAINT "PK_whatsapp_template_mappings" PRIMARY KEY ("id"),
        CONSTRAINT "FK_44c2b7c1967c4557fc7e9390038" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_44c2b7c1967c4557fc7e939003" ON "whatsapp_template_mappings" ("business_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_whatsapp_template_mappings_business_key" ON "whatsapp_template_mappings" ("business_id", "template_key")`,
    );
    await addUpdatedAtTrigger(queryRunner, 'whatsapp_template_mappings');

    await queryRunner.query(`
      CREATE TABLE "whatsapp_contacts" (${base}
        "phone" character varying(20) NOT NULL,
        "wa_id" character varying(32),
        "last_inbound_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_whatsapp_contacts" PRIMARY KEY ("id"),
        CONSTRAINT "FK_5e2cb3a0416ebcfcea42e093eac" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_5e2cb3a0416ebcfcea42e093ea" ON "whatsapp_contacts" ("business_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_whatsapp_contacts_business_phone" ON "whatsapp_contacts" ("business_id", "phone")`);
    await addUpdatedAtTrigger(queryRunner, 'whatsapp_contacts');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['whatsapp_contacts', 'whatsapp_template_mappings', 'whatsapp_templates', 'whatsapp_settings'])
      await queryRunner.query(`DROP TABLE "${table}"`);
  }
}
