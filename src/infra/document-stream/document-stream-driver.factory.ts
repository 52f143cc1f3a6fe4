import type { DataSource } from 'typeorm';
import { settingFor, unknownDriver } from '../config/driver-choices';
import { DocumentStreamDriver, type EnvironmentVariables } from '../config/env.schema';
import type { DocumentStreamStore } from './document-stream.port';
import { connectMongo } from './mongo-connection';
import { MongoDocumentStreamStore } from './mongo-document-stream.store';
import { PostgresDocumentStreamStore } from './postgres-document-stream.store';
import { StreamDocumentRow } from './stream-document.entity';

export const DOCUMENT_STREAM_CONFIG = ['DOCUMENT_STREAM_DRIVER', 'MONGODB_URI'] as const;
type DocumentStreamConfig = Pick<EnvironmentVariables, (typeof DOCUMENT_STREAM_CONFIG)[number]>;

/**
 * Builds the document-stream store DOCUMENT_STREAM_DRIVER names. An unknown or
 * incomplete choice throws at once; the promise is for MongoDB, connected
 * before boot goes on. `dataSource` is our PostgreSQL (TypeORM).
 */
export function createDocumentStreamStore(config: DocumentStreamConfig, dataSource: DataSource): Promise<DocumentStreamStore> {
  switch (config.DOCUMENT_STREAM_DRIVER) {
    case DocumentStreamDriver.postgres:
      return Promise.resolve(new PostgresDocumentStreamStore(dataSource.getRepository(StreamDocumentRow)));
    case DocumentStreamDriver.mongodb:
      return connectMongo(settingFor(config, 'DOCUMENT_STREAM_DRIVER', 'MONGODB_URI')).then((c) => new MongoDocumentStreamStore(c));
    default:
      throw unknownDriver('DOCUMENT_STREAM_DRIVER', config.DOCUMENT_STREAM_DRIVER, DocumentStreamDriver);
  }
}
