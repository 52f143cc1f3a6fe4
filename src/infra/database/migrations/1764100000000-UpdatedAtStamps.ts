import { MigrationInterface, QueryRunner } from 'typeorm';
import { addUpdatedAtTrigger, dropUpdatedAtTrigger, STAMP_FUNCTION } from '../updated-at-trigger';

const TABLES = [
  'api_keys',
  'appointments',
  'booking_settings',
  'businesses',
  'calendar_overrides',
  'calendars',
  'customer_imports',
  'customers',
  'event_registrations',
  'events',
  'idempotency_keys',
  'memberships',
  'refresh_tokens',
  'services',
  'subscribers',
  'users',
];

/** `updated_at` stamped by the database under the row lock, monotonically per row. */
export class UpdatedAtStamps1764100000000 implements MigrationInterface {
  name = 'UpdatedAtStamps1764100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(STAMP_FUNCTION);
    for (const table of TABLES) await addUpdatedAtTrigger(queryRunner, table);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await dropUpdatedAtTrigger(queryRunner, table);
    await queryRunner.query(`DROP FUNCTION stamp_updated_at()`);
  }
}
