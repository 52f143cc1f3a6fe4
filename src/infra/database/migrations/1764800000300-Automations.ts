import { MigrationInterface, QueryRunner } from 'typeorm';
import { addUpdatedAtTrigger } from '../updated-at-trigger';

/** Automation rules, their immutable versions, and their runs. */
export class Automations1764800000300 implements MigrationInterface {
  name = 'Automations1764800000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "automation_rules" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "name" character varying(120) NOT NULL,
        "enabled" boolean NOT NULL DEFAULT true,
        "version" integer NOT NULL DEFAULT 1,
        "trigger_type" character varying(40) NOT NULL,
        "trigger" jsonb NOT NULL,
        "conditions" jsonb,
        "actions" jsonb NOT NULL,
        CONSTRAINT "PK_automation_rules" PRIMARY KEY ("id"),
        CONSTRAINT "FK_d3d3951c311fe99b99390e96b75" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_d3d3951c311fe99b99390e96b7" ON "automation_rules" ("business_id")`);
    await queryRunner.query(`CREATE INDEX "ix_automation_rules_business_trigger" ON "automation_rules" ("business_id", "trigger_type")`);
    await addUpdatedAtTrigger(queryRunner, 'automation_rules');

    await queryRunner.query(`
      CREATE TABLE "automation_rule_versions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "rule_id" uuid NOT NULL,
        "version" integer NOT NULL,
        "trigger" jsonb NOT NULL,
        "conditions" jsonb,
        "actions" jsonb NOT NULL,
        CONSTRAINT "PK_automation_rule_versions" PRIMARY KEY ("id"),
        CONSTRAINT "FK_d2e71c9c56d34a6b46c139cde5b" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_cd8f104116e26d7c23554d4e6c4" FOREIGN KEY ("rule_id") REFERENCES "automation_rules"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_d2e71c9c56d34a6b46c139cde5" ON "automation_rule_versions" ("business_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_automation_rule_versions_rule_version" ON "automation_rule_versions" ("rule_id", "version")`,
    );
    await addUpdatedAtTrigger(queryRunner, 'automation_rule_versions');

    await queryRunner.query(`
      CREATE TABLE "automation_runs" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "rule_id" uuid NOT NULL,
        "rule_version_id" uuid NOT NULL,
        "rule_version" integer NOT NULL,
        "customer_id" uuid NOT NULL,
        "trigger" character varying(40) NOT NULL,
        "event_key" character varying(300) NOT NULL,
        "status" character varying(20) NOT NULL,
        "current_step" integer NOT NULL DEFAULT 0,
        "steps" jsonb NOT NULL DEFAULT '[]',
        "chain" jsonb NOT NULL DEFAULT '[]',
        "data" jsonb,
        "resume_at" TIMESTAMP WITH TIME ZONE,
        "result" text,
        "finished_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_automation_runs" PRIMARY KEY ("id"),
        CONSTRAINT "FK_6de9bb3b0e1c5f0c17e567be452" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_bfd6a7833abf029dd9091c7a54a" FOREIGN KEY ("rule_id") REFERENCES "automation_rules"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_7739e0caadb63703c909b66eb7d" FOREIGN KEY ("rule_version_id") REFERENCES "automation_rule_versions"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_d422457e5f49a5eaed46553cfac" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_6de9bb3b0e1c5f0c17e567be45" ON "automation_runs" ("business_id")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_automation_runs_rule_event_customer" ON "automation_runs" ("rule_id", "event_key", "customer_id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_automation_runs_business_created" ON "automation_runs" ("business_id", "created_at")`);
    await queryRunner.query(
      `CREATE INDEX "ix_automation_runs_due" ON "automation_runs" ("resume_at") WHERE status IN ('running', 'waiting')`,
    );
    await addUpdatedAtTrigger(queryRunner, 'automation_runs');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "automation_runs"`);
    await queryRunner.query(`DROP TABLE "automation_rule_versions"`);
    await queryRunner.query(`DROP TABLE "automation_rules"`);
  }
}
