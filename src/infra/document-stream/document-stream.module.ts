import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { type AppConfig, pickConfig } from '../config/app-config';
import { createDocumentStreamStore, DOCUMENT_STREAM_CONFIG } from './document-stream-driver.factory';
import { DOCUMENT_STREAM_STORE, type DocumentStreamStore } from './document-stream.port';

const storeProvider = {
  provide: DOCUMENT_STREAM_STORE,
  inject: [ConfigService, DataSource],
  useFactory: (config: AppConfig, dataSource: DataSource): Promise<DocumentStreamStore> =>
    createDocumentStreamStore(pickConfig(config, DOCUMENT_STREAM_CONFIG), dataSource),
};

/** The document-stream port (DOCUMENT_STREAM_STORE); closes the store's own connection, if it has one, at shutdown. */
@Global()
@Module({ providers: [storeProvider], exports: [DOCUMENT_STREAM_STORE] })
export class DocumentStreamModule implements OnApplicationShutdown {
  constructor(@Inject(DOCUMENT_STREAM_STORE) private readonly store: DocumentStreamStore & { close?: () => Promise<void> }) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close?.();
  }
}
