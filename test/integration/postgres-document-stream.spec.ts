import 'reflect-metadata';
import { before, describe } from 'node:test';
import { DataSource } from 'typeorm';
import { PostgresDocumentStreamStore } from '../../src/infra/document-stream/postgres-document-stream.store';
import { StreamDocumentRow } from '../../src/infra/document-stream/stream-document.entity';
import { documentStreamContract } from '../contracts/document-stream.contract';
import { useTestDataSource } from '../support/database';
import { insertBusiness } from '../support/sql';

describe('document stream contract: PostgreSQL adapter', () => {
  let ds: DataSource;
  const ctx = { store: undefined as unknown as PostgresDocumentStreamStore, businessA: '', businessB: '' };
  const dataSource = useTestDataSource();
  before(async () => {
    ds = dataSource();
    ctx.store = new PostgresDocumentStreamStore(ds.getRepository(StreamDocumentRow));
    ctx.businessA = await insertBusiness(ds, 'עסק א');
    ctx.businessB = await insertBusiness(ds, 'עסק ב');
  });
  documentStreamContract(() => ctx);
});
