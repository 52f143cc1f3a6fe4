import { MigrationInterface, QueryRunner } from 'typeorm';
import { addUpdatedAtTrigger } from '../updated-at-trigger';

/**
 * Invoices: issued documents (never changed, never deleted: a trigger refuses
 * both, except recording when the original left the business), one counter
 * row per business and document series, and per-business document settings.
 */
export class Invoices1764300000500 implements MigrationInterface {
  name = 'Invoices1764300000500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "invoice_counters" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "series" character varying(24) NOT NULL,
        "next_number" integer NOT NULL DEFAULT '1',
        "issued" integer NOT NULL DEFAULT '0',
        CONSTRAINT "ck_invoice_counters_next" CHECK ("next_number" > 0 AND "issued" >= 0),
        CONSTRAINT "PK_133905941bad76e0a49c309a79f" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_4880edcf9b6ab4508748afa0c2" ON "invoice_counters" ("business_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_invoice_counters_series" ON "invoice_counters" ("business_id", "series")`);
    await queryRunner.query(`
      CREATE TABLE "invoice_settings" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "legal_name" character varying(160),
        "tax_id" character varying(9),
        "address" character varying(300),
        "phone" character varying(20),
        "logo_key" character varying(300),
        "vat_rate_bp" integer NOT NULL DEFAULT '1800',
        "footer" text,
        "default_remarks" text,
        "allocation_credentials" text,
        CONSTRAINT "PK_8145b0482e5c77719fe842c1b05" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_172fa64727df09b1e9a59d13d7" ON "invoice_settings" ("business_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_invoice_settings_business" ON "invoice_settings" ("business_id")`);
    await queryRunner.query(`
      CREATE TABLE "invoices" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "type" character varying(24) NOT NULL,
        "number" integer NOT NULL,
        "issue_date" date NOT NULL,
        "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "locale" character varying(2) NOT NULL,
        "currency" character(3) NOT NULL,
        "customer_id" uuid NOT NULL,
        "reference_id" uuid,
        "issuer" jsonb NOT NULL,
        "billed_to" jsonb NOT NULL,
        "lines" jsonb NOT NULL,
        "prices_include_vat" boolean NOT NULL,
        "vat_rate_bp" integer NOT NULL,
        "vat_shown" boolean NOT NULL,
        "subtotal_agorot" bigint NOT NULL,
        "vat_agorot" bigint NOT NULL,
        "total_agorot" bigint NOT NULL,
        "payments" jsonb NOT NULL,
        "remarks" text,
        "allocation_number" character varying(40),
        "pdf_key" character varying(300) NOT NULL,
        "pdf_sha256" character(64) NOT NULL,
        "pdf_size" integer NOT NULL,
        "original_delivered_at" TIMESTAMP WITH TIME ZONE,
        "issued_by" character varying(160),
        "search_text" text NOT NULL,
        CONSTRAINT "ck_invoices_number" CHECK ("number" > 0),
        CONSTRAINT "ck_invoices_amounts" CHECK ("subtotal_agorot" >= 0 AND "vat_agorot" >= 0 AND "subtotal_agorot" + "vat_agorot" = "total_agorot"),
        CONSTRAINT "PK_668cef7c22a427fd822cc1be3ce" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_8f96c84343bd7d6cb4374e9788" ON "invoices" ("business_id")`);
    await queryRunner.query(`CREATE INDEX "ix_invoices_reference" ON "invoices" ("reference_id")`);
    await queryRunner.query(`CREATE INDEX "ix_invoices_business_customer" ON "invoices" ("business_id", "customer_id")`);
    await queryRunner.query(`CREATE INDEX "ix_invoices_business_date" ON "invoices" ("business_id", "issue_date")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_invoices_series_number" ON "invoices" ("business_id", "type", "number")`);
    await queryRunner.query(`CREATE INDEX "ix_invoices_search_trgm" ON "invoices" USING gin ("search_text" gin_trgm_ops)`);
    await queryRunner.query(`
      ALTER TABLE "invoice_counters"
      ADD CONSTRAINT "FK_4880edcf9b6ab4508748afa0c2d" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "invoice_settings"
      ADD CONSTRAINT "FK_172fa64727df09b1e9a59d13d76" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "invoices"
      ADD CONSTRAINT "FK_8f96c84343bd7d6cb4374e9788f" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "invoices"
      ADD CONSTRAINT "FK_65e3145f317bd655481d3f96c74" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "invoices"
      ADD CONSTRAINT "FK_83b837d147b95356c088d4ac4e8" FOREIGN KEY ("reference_id") REFERENCES "invoices"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
    `);
    for (const table of ['invoice_counters', 'invoice_settings', 'invoices']) await addUpdatedAtTrigger(queryRunner, table);
    // Issued documents are never edited or deleted (corrections are credit notes). The one change
    // allowed: recording, once, when the original left the business.
    await queryRunner.query(`
      CREATE FUNCTION invoices_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'an issued document is never deleted (issue a credit note)' USING ERRCODE = '55000';
        END IF;
        IF (to_jsonb(NEW) - 'original_delivered_at' - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'original_delivered_at' - 'updated_at')
           OR (OLD.original_delivered_at IS NOT NULL AND NEW.original_delivered_at IS DISTINCT FROM OLD.original_delivered_at) THEN
          RAISE EXCEPTION 'an issued document is never changed (issue a credit note)' USING ERRCODE = '55000';
        END IF;
        RETURN NEW;
      END $$
    `);
    await queryRunner.query(
      `CREATE TRIGGER "trg_invoices_immutable" BEFORE UPDATE OR DELETE ON "invoices" FOR EACH ROW EXECUTE FUNCTION invoices_immutable()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "invoices"`);
    await queryRunner.query(`DROP FUNCTION invoices_immutable()`);
    await queryRunner.query(`DROP TABLE "invoice_settings"`);
    await queryRunner.query(`DROP TABLE "invoice_counters"`);
  }
}
