import { MigrationInterface, QueryRunner } from 'typeorm';

/** Equality filters on stream documents (`fields @> {...}`) use this index. */
export class StreamDocumentFieldsIndex1763700000100 implements MigrationInterface {
  name = 'StreamDocumentFieldsIndex1763700000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_stream_documents_fields" ON "stream_documents" USING gin ("fields" jsonb_path_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_stream_documents_fields"`);
  }
}
