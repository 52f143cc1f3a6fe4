import { MigrationInterface, QueryRunner } from 'typeorm';

/** The sandbox gateway keeps what was refunded of each approved page. */
export class SandboxRefunds1764600000000 implements MigrationInterface {
  name = 'SandboxRefunds1764600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sandbox_transactions" ADD "refunded_agorot" integer NOT NULL DEFAULT '0'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sandbox_transactions" DROP COLUMN "refunded_agorot"`);
  }
}
