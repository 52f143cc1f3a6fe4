import { MigrationInterface, QueryRunner } from 'typeorm';

/** Who published a calendar's feed link, so removing that member revokes it. */
export class FeedTokenIssuer1764100000100 implements MigrationInterface {
  name = 'FeedTokenIssuer1764100000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "calendars" ADD "feed_token_issued_by" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "calendars" DROP COLUMN "feed_token_issued_by"`);
  }
}
