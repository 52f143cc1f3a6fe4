import 'reflect-metadata';
import { after, before, describe } from 'node:test';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/infra/database/data-source-options';
import { PostgresDocumentStreamStore } from '../../src/infra/document-stream/postgres-document-stream.store';
import { StreamDocumentRow } from '../../src/infra/document-stream/stream-document.entity';
import { documentStreamContract } from '../contracts/document-stream.contract';
import { createTestDatabase } from '../support/database';
import { insertBusiness } from '../support/sql';

describe('document stream contract: PostgreSQL adapter', () => {
  let ds: DataSource;
  let drop: () => Promise<void>;
  const ctx = { store: undefined as unknown as PostgresDocumentStreamStore, businessA: '', businessB: '' };
  before(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    ds = await new DataSource(dataSourceOptions(db.url)).initialize();
    ctx.store = new PostgresDocumentStreamStore(ds.getRepository(StreamDocumentRow));
    ctx.businessA = await insertBusiness(ds, 'עסק א');
    ctx.businessB = await insertBusiness(ds, 'עסק ב');
  });
  after(async () => {
    await ds.destroy();
    await drop();
  });
  documentStreamContract(() => ctx);
});
