import { MigrationInterface, QueryRunner } from 'typeorm';

/** When a user proved they read their address (null: not yet; accounts work either way, marked unverified). */
export class EmailVerification1764250000000 implements MigrationInterface {
  name = 'EmailVerification1764250000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email_verified_at"`);
  }
}
