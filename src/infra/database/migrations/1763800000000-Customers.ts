import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customers and their CSV imports. `q` search runs on a trigram GIN index over
 * (business_id, search_text) (btree_gin lets the tenant column share it), so
 * partial Hebrew, email and phone input stays fast with many businesses.
 */
export class Customers1763800000000 implements MigrationInterface {
  name = 'Customers1763800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await queryRunner.query(`
      CREATE TABLE "customers" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "first_name" character varying(100) NOT NULL,
        "last_name" character varying(100),
        "email" character varying(254),
        "phone" character varying(20),
        "tags" text array NOT NULL DEFAULT '{}',
        "notes" text,
        "address" character varying(300),
        "birthday" date,
        "source" character varying(60) NOT NULL DEFAULT 'manual',
        "language" character varying(2) NOT NULL DEFAULT 'he',
        "email_consent" boolean NOT NULL DEFAULT false,
        "email_consent_at" TIMESTAMP WITH TIME ZONE,
        "email_consent_source" character varying(60),
        "sms_consent" boolean NOT NULL DEFAULT false,
        "sms_consent_at" TIMESTAMP WITH TIME ZONE,
        "sms_consent_source" character varying(60),
        "custom_fields" jsonb NOT NULL DEFAULT '{}',
        "archived_at" TIMESTAMP WITH TIME ZONE,
        "total_spend_agorot" bigint NOT NULL DEFAULT '0',
        "visit_count" integer NOT NULL DEFAULT '0',
        "last_activity_at" TIMESTAMP WITH TIME ZONE,
        "search_text" text NOT NULL DEFAULT '',
        CONSTRAINT "ck_customers_contact" CHECK ("email" IS NOT NULL OR "phone" IS NOT NULL),
        CONSTRAINT "PK_133ec679a801fab5e070f73d3ea" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_c04b1ab3076e753f96c6431828" ON "customers" ("business_id")`);
    await queryRunner.query(`CREATE INDEX "ix_customers_business_created" ON "customers" ("business_id", "created_at")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_customers_business_email" ON "customers" ("business_id", "email") WHERE email IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_customers_business_phone" ON "customers" ("business_id", "phone") WHERE phone IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_customers_search_trgm" ON "customers" USING gin ("business_id", "search_text" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "ix_customers_tags" ON "customers" USING gin ("tags")`);
    await queryRunner.query(`
      ALTER TABLE "customers"
      ADD CONSTRAINT "FK_c04b1ab3076e753f96c64318286" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);

    await queryRunner.query(`
      CREATE TABLE "customer_imports" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "status" character varying(16) NOT NULL DEFAULT 'queued',
        "file_name" character varying(255),
        "file" bytea NOT NULL,
        "mapping" jsonb,
        "total_rows" integer NOT NULL DEFAULT '0',
        "done_rows" integer NOT NULL DEFAULT '0',
        "report" jsonb NOT NULL,
        "failure_reason" text,
        "created_by_user_id" uuid,
        "started_at" TIMESTAMP WITH TIME ZONE,
        "finished_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_3302a2b4b36b43604e926ca2a2c" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_9585d4d1e2cb9d8b79ae05211c" ON "customer_imports" ("business_id")`);
    await queryRunner.query(`
      ALTER TABLE "customer_imports"
      ADD CONSTRAINT "FK_9585d4d1e2cb9d8b79ae05211cf" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "customer_imports"`);
    await queryRunner.query(`DROP TABLE "customers"`);
  }
}
