import { MigrationInterface, QueryRunner } from 'typeorm';

/** A WhatsApp campaign may go as an approved template (name, language, Liquid parameters). */
export class CampaignWhatsAppTemplate1764900000300 implements MigrationInterface {
  name = 'CampaignWhatsAppTemplate1764900000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "whatsapp_template" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "whatsapp_template"`);
  }
}
