import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appointment scheduling: booking settings, calendars (staff and resources)
 * with weekly hours and date overrides, services and who performs them,
 * appointments and idempotency keys. No double booking is PostgreSQL's job:
 * `ex_appointments_no_overlap` (btree_gist) refuses two non-cancelled
 * appointments of one calendar whose buffered ranges overlap.
 */
export class Scheduling1764000000000 implements MigrationInterface {
  name = 'Scheduling1764000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`
      CREATE TABLE "booking_settings" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "time_zone" character varying(64),
        "minimum_notice_minutes" integer NOT NULL,
        "booking_window_days" integer NOT NULL,
        "slot_interval_minutes" integer NOT NULL,
        "cancellation_window_hours" integer NOT NULL,
        "reminder_offsets_minutes" integer array NOT NULL,
        "require_confirmation" boolean NOT NULL,
        CONSTRAINT "PK_1bb13e911613647af2a151ab0a0" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_1e21cdcb63579e2422355dc0da" ON "booking_settings" ("business_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_booking_settings_business" ON "booking_settings" ("business_id")`);

    await queryRunner.query(`
      CREATE TABLE "calendars" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "kind" character varying(16) NOT NULL,
        "member_id" uuid,
        "name" character varying(120) NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        "weekly" jsonb NOT NULL DEFAULT '[]',
        "feed_token_hash" character varying(64),
        CONSTRAINT "PK_90dc0330e8ec9028e23c290dee8" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_5bc046dada292bd9d4376cf329" ON "calendars" ("business_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_calendars_member" ON "calendars" ("business_id", "member_id") WHERE member_id IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE "calendar_overrides" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "calendar_id" uuid NOT NULL,
        "date" date NOT NULL,
        "ranges" jsonb NOT NULL,
        CONSTRAINT "PK_b23f682172d62c4a5d0a8bec475" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_d43837ec0e4e50ab9f0f1eaf67" ON "calendar_overrides" ("business_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_calendar_overrides_calendar_date" ON "calendar_overrides" ("calendar_id", "date")`);

    await queryRunner.query(`
      CREATE TABLE "services" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "name" character varying(160) NOT NULL,
        "name_en" character varying(160),
        "description" text,
        "duration_minutes" integer NOT NULL,
        "price_agorot" integer NOT NULL,
        "currency" character(3) NOT NULL DEFAULT 'ILS',
        "buffer_before_minutes" integer NOT NULL DEFAULT '0',
        "buffer_after_minutes" integer NOT NULL DEFAULT '0',
        "active" boolean NOT NULL DEFAULT true,
        "meeting_url_template" character varying(500),
        CONSTRAINT "PK_ba2d347a3168a296416c6c5ccb2" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_c591d6bbbe01010d8705127ba3" ON "services" ("business_id")`);

    await queryRunner.query(`
      CREATE TABLE "service_calendars" (
        "service_id" uuid NOT NULL,
        "calendar_id" uuid NOT NULL,
        CONSTRAINT "PK_628954fad3c86b2464f5774d1b2" PRIMARY KEY ("service_id", "calendar_id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "ix_service_calendars_calendar" ON "service_calendars" ("calendar_id")`);

    await queryRunner.query(`
      CREATE TABLE "appointments" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "service_id" uuid NOT NULL,
        "calendar_id" uuid NOT NULL,
        "customer_id" uuid NOT NULL,
        "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "blocked_from" TIMESTAMP WITH TIME ZONE NOT NULL,
        "blocked_to" TIMESTAMP WITH TIME ZONE NOT NULL,
        "status" character varying(16) NOT NULL,
        "source" character varying(16) NOT NULL,
        "service_name" character varying(160) NOT NULL,
        "price_agorot" integer NOT NULL,
        "currency" character(3) NOT NULL,
        "notes" text,
        "meeting_url" character varying(500),
        "cancellation_reason" character varying(500),
        "cancelled_by" character varying(16),
        "cancelled_at" TIMESTAMP WITH TIME ZONE,
        "sequence" integer NOT NULL DEFAULT '0',
        CONSTRAINT "ck_appointments_times" CHECK ("starts_at" < "ends_at" AND "blocked_from" <= "starts_at" AND "blocked_to" >= "ends_at"),
        CONSTRAINT "ex_appointments_no_overlap" EXCLUDE USING gist (
          "calendar_id" WITH =,
          tstzrange("blocked_from", "blocked_to", '[)') WITH &&
        ) WHERE ("status" <> 'cancelled'),
        CONSTRAINT "PK_4a437a9a27e948726b8bb3e36ad" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_1496c752231bd35c97041862bd" ON "appointments" ("business_id")`);
    await queryRunner.query(`CREATE INDEX "ix_appointments_business_starts" ON "appointments" ("business_id", "starts_at")`);
    await queryRunner.query(`CREATE INDEX "ix_appointments_calendar_starts" ON "appointments" ("calendar_id", "starts_at")`);
    await queryRunner.query(`CREATE INDEX "ix_appointments_customer_starts" ON "appointments" ("customer_id", "starts_at")`);

    await queryRunner.query(`
      CREATE TABLE "idempotency_keys" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "scope" character varying(60) NOT NULL,
        "key" character varying(255) NOT NULL,
        "request_hash" character varying(64) NOT NULL,
        "response_status" integer NOT NULL,
        "response_body" jsonb NOT NULL,
        CONSTRAINT "PK_8ad20779ad0411107a56e53d0f6" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_57a3aca1b548b5f3f9f0d5c85c" ON "idempotency_keys" ("business_id")`);
    await queryRunner.query(`CREATE INDEX "ix_idempotency_keys_created" ON "idempotency_keys" ("created_at")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_idempotency_keys_scope_key" ON "idempotency_keys" ("business_id", "scope", "key")`);

    const fks: [table: string, name: string, column: string, target: string, onDelete: string][] = [
      ['booking_settings', 'FK_1e21cdcb63579e2422355dc0da8', 'business_id', 'businesses', 'CASCADE'],
      ['calendars', 'FK_5bc046dada292bd9d4376cf329e', 'business_id', 'businesses', 'CASCADE'],
      ['calendars', 'FK_717f4aac371fb3e9b9f9db9e024', 'member_id', 'memberships', 'SET NULL'],
      ['calendar_overrides', 'FK_d43837ec0e4e50ab9f0f1eaf67b', 'business_id', 'businesses', 'CASCADE'],
      ['calendar_overrides', 'FK_0ba258c6a9789230ca917c56782', 'calendar_id', 'calendars', 'CASCADE'],
      ['services', 'FK_c591d6bbbe01010d8705127ba33', 'business_id', 'businesses', 'CASCADE'],
      ['service_calendars', 'FK_1327d196660bad7a24ef4abfdc2', 'service_id', 'services', 'CASCADE'],
      ['service_calendars', 'FK_cfea58857c6f5071edc9fa7df70', 'calendar_id', 'calendars', 'CASCADE'],
      ['appointments', 'FK_1496c752231bd35c97041862bd4', 'business_id', 'businesses', 'CASCADE'],
      ['appointments', 'FK_2a2088e8eaa8f28d8de2bdbb857', 'service_id', 'services', 'NO ACTION'],
      ['appointments', 'FK_1398c0b45fcb8468f610c235edc', 'calendar_id', 'calendars', 'NO ACTION'],
      ['appointments', 'FK_2be3c78815aba227af1c3e8e413', 'customer_id', 'customers', 'NO ACTION'],
      ['idempotency_keys', 'FK_57a3aca1b548b5f3f9f0d5c85c8', 'business_id', 'businesses', 'CASCADE'],
    ];
    for (const [table, name, column, target, onDelete] of fks) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${target}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Dropping the tables drops their indexes and constraints. btree_gist stays: other schemas may use it.
    for (const table of [
      'idempotency_keys',
      'appointments',
      'service_calendars',
      'services',
      'calendar_overrides',
      'calendars',
      'booking_settings',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
