import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DataSource } from 'typeorm';
import { DocumentStreamDriver } from '../config/env.schema';
import { ConfigValidationError } from '../config/validate-env';
import { createDocumentStreamStore } from './document-stream-driver.factory';
import { connectMongo } from './mongo-connection';
import { PostgresDocumentStreamStore } from './postgres-document-stream.store';
import { StreamDocumentRow } from './stream-document.entity';

const configError = (pattern: RegExp) => (err: Error) => err instanceof ConfigValidationError && pattern.test(err.message);

describe('createDocumentStreamStore', () => {
  it('builds the PostgreSQL store on our data source', async () => {
    const asked: unknown[] = [];
    const dataSource = { getRepository: (entity: unknown) => (asked.push(entity), {}) } as unknown as DataSource;
    const store = await createDocumentStreamStore({ DOCUMENT_STREAM_DRIVER: DocumentStreamDriver.postgres }, dataSource);
    assert.ok(store instanceof PostgresDocumentStreamStore);
    assert.equal(store.kind, 'postgres');
    assert.deepEqual(asked, [StreamDocumentRow]);
  });

  it('refuses an unknown driver and MongoDB without MONGODB_URI, as config errors thrown before connecting', () => {
    const dataSource = {} as DataSource;
    assert.throws(
      () => createDocumentStreamStore({ DOCUMENT_STREAM_DRIVER: 'couchdb' as never }, dataSource),
      configError(/DOCUMENT_STREAM_DRIVER: unknown driver "couchdb" \(one of: postgres, mongodb\)/),
    );
    assert.throws(
      () => createDocumentStreamStore({ DOCUMENT_STREAM_DRIVER: DocumentStreamDriver.mongodb }, dataSource),
      configError(/MONGODB_URI: required when DOCUMENT_STREAM_DRIVER=mongodb/),
    );
  });

  it('gives up on an unreachable MongoDB after its attempts, without showing the URI', async () => {
    await assert.rejects(
      connectMongo('mongodb://user:s3cret@127.0.0.1:1/chatgrow', { attempts: 2, delayMs: 10, serverSelectionTimeoutMS: 200 }),
      (err: Error) => /^MongoDB \(MONGODB_URI\) did not answer after 2 attempts: /.test(err.message) && !err.message.includes('s3cret'),
    );
  });
});
