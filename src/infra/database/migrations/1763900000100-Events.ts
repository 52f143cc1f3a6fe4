import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events and their registrations. One live registration per customer and
 * event (partial unique index); `seq` orders registrations as they were
 * admitted under the event's row lock, so the oldest waitlisted is promoted.
 */
export class Events1763900000100 implements MigrationInterface {
  name = 'Events1763900000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "events" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "title" character varying(200) NOT NULL,
        "description" text,
        "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "location" character varying(300),
        "online_url" character varying(500),
        "capacity" integer,
        "price_agorot" integer NOT NULL DEFAULT '0',
        "currency" character(3) NOT NULL DEFAULT 'ILS',
        "status" character varying(16) NOT NULL DEFAULT 'draft',
        "registration_deadline" TIMESTAMP WITH TIME ZONE,
        "cancelled_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "ck_events_price" CHECK ("price_agorot" >= 0),
        CONSTRAINT "ck_events_capacity" CHECK ("capacity" IS NULL OR "capacity" > 0),
        CONSTRAINT "ck_events_times" CHECK ("ends_at" > "starts_at"),
        CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_556f3323b528ab5e46ca000c1f" ON "events" ("business_id")`);
    await queryRunner.query(`CREATE INDEX "ix_events_business_starts" ON "events" ("business_id", "starts_at")`);
    await queryRunner.query(`
      CREATE TABLE "event_registrations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "event_id" uuid NOT NULL,
        "customer_id" uuid NOT NULL,
        "status" character varying(16) NOT NULL,
        "source" character varying(16) NOT NULL DEFAULT 'staff',
        "seq" BIGSERIAL NOT NULL,
        "confirmed_at" TIMESTAMP WITH TIME ZONE,
        "promoted_at" TIMESTAMP WITH TIME ZONE,
        "cancelled_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_953d3b862c2487289a92b2356e9" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "IDX_7d1f55975221c5bb0b71bff5d4" ON "event_registrations" ("business_id")`);
    await queryRunner.query(`CREATE INDEX "ix_event_registrations_customer" ON "event_registrations" ("customer_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_event_registrations_event_status_seq" ON "event_registrations" ("event_id", "status", "seq")`,
    );
    await queryRunner.query(`
      CREATE UNIQUE INDEX "uq_event_registrations_event_customer" ON "event_registrations" ("event_id", "customer_id") WHERE status <> 'cancelled'
    `);
    await queryRunner.query(`
      ALTER TABLE "events"
      ADD CONSTRAINT "FK_556f3323b528ab5e46ca000c1f4" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "event_registrations"
      ADD CONSTRAINT "FK_7d1f55975221c5bb0b71bff5d4b" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "event_registrations"
      ADD CONSTRAINT "FK_28b0a253c87a80a4b013c437f7d" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION
    `);
    await queryRunner.query(`
      ALTER TABLE "event_registrations"
      ADD CONSTRAINT "FK_6fe2d333d30641df55381d0fca7" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "event_registrations"`);
    await queryRunner.query(`DROP TABLE "events"`);
  }
}
