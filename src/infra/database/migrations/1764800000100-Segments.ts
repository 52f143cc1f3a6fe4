import { MigrationInterface, QueryRunner } from 'typeorm';
import { addUpdatedAtTrigger } from '../updated-at-trigger';

/** Saved audience segments. */
export class Segments1764800000100 implements MigrationInterface {
  name = 'Segments1764800000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "segments" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "business_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "name" character varying(120) NOT NULL,
        "description" text,
        "rule" jsonb NOT NULL,
        CONSTRAINT "PK_segments" PRIMARY KEY ("id"),
        CONSTRAINT "FK_9c89697164c20b0b9711fa03f5c" FOREIGN KEY ("business_id") REFERENCES "businesses"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_9c89697164c20b0b9711fa03f5" ON "segments" ("business_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_segments_business_name" ON "segments" ("business_id", "name")`);
    await addUpdatedAtTrigger(queryRunner, 'segments');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "segments"`);
  }
}
