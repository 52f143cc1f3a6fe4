import { DynamicModule, Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DOCUMENT_STREAM_STORE } from './document-stream.port';
import { MongoDocumentStreamStore } from './mongo-document-stream.store';
import { PostgresDocumentStreamStore } from './postgres-document-stream.store';
import { StreamDocumentRow } from './stream-document.entity';

/** Picks the document-stream adapter once, at boot: MongoDB when MONGODB_URI is set, else PostgreSQL. */
@Global()
@Module({})
export class DocumentStreamModule {
  static forRoot(mongodbUri: string | undefined): DynamicModule {
    if (mongodbUri) {
      return {
        module: DocumentStreamModule,
        imports: [MongooseModule.forRoot(mongodbUri, { serverSelectionTimeoutMS: 5_000 })],
        providers: [{ provide: DOCUMENT_STREAM_STORE, useClass: MongoDocumentStreamStore }],
        exports: [DOCUMENT_STREAM_STORE],
      };
    }
    return {
      module: DocumentStreamModule,
      imports: [TypeOrmModule.forFeature([StreamDocumentRow])],
      providers: [{ provide: DOCUMENT_STREAM_STORE, useClass: PostgresDocumentStreamStore }],
      exports: [DOCUMENT_STREAM_STORE],
    };
  }
}
