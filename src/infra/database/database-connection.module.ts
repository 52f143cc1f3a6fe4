import { Global, Logger, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config';
import { DATABASE_URL } from './database.tokens';
import { EmbeddedPostgresServer } from './embedded-postgres.server';

/**
 * Resolves where PostgreSQL is: DATABASE_URL when set, otherwise an embedded
 * server started here. `shutdownApp()` stops it after the app has closed its
 * pools, so it outlives every connection.
 */
@Global()
@Module({
  providers: [
    {
      provide: EmbeddedPostgresServer,
      inject: [ConfigService],
      useFactory: (config: AppConfig) =>
        new EmbeddedPostgresServer(config.get('DATA_DIR', { infer: true }), config.get('EMBEDDED_PG_PORT', { infer: true })),
    },
    {
      provide: DATABASE_URL,
      inject: [ConfigService, EmbeddedPostgresServer],
      useFactory: async (config: AppConfig, embedded: EmbeddedPostgresServer): Promise<string> => {
        const url = config.get('DATABASE_URL', { infer: true });
        if (url) return url;
        new Logger('Database').warn('DATABASE_URL is not set: starting the embedded PostgreSQL');
        return embedded.start();
      },
    },
  ],
  exports: [DATABASE_URL, EmbeddedPostgresServer],
})
export class DatabaseConnectionModule {}
