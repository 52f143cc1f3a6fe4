import { MigrationInterface, QueryRunner } from 'typeorm';

/** The most installments a business allows; what a payment pays for (an appointment or an event registration), and on those, when and by which payment they were paid. */
export class PaymentPurposes1764600000200 implements MigrationInterface {
  name = 'PaymentPurposes1764600000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "payment_settings" ADD "max_installments" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "payments" ADD "appointment_id" uuid`);
    await queryRunner.query(`ALTER TABLE "payments" ADD "registration_id" uuid`);
    for (const table of ['appointments', 'event_registrations']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "paid_at" TIMESTAMP WITH TIME ZONE`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "payment_id" uuid`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['appointments', 'event_registrations']) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "payment_id"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "paid_at"`);
    }
    await queryRunner.query(`ALTER TABLE "payments" DROP COLUMN "registration_id"`);
    await queryRunner.query(`ALTER TABLE "payments" DROP COLUMN "appointment_id"`);
    await queryRunner.query(`ALTER TABLE "payment_settings" DROP COLUMN "max_installments"`);
  }
}
