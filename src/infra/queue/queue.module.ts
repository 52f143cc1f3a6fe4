import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DiscoveryModule } from '@nestjs/core';
import type { AppConfig } from '../config/app-config';
import { DATABASE_URL } from '../database/database.tokens';
import { JobQueueService } from './job-queue.service';
import { JobWorkerHost } from './job-worker.host';
import { QueueName } from './job-names';
import { QUEUE_CONNECTION, QueueConnection, resolveQueueConnection } from './queue-connection';

const connectionProvider = {
  provide: QUEUE_CONNECTION,
  inject: [ConfigService, DATABASE_URL],
  useFactory: (config: AppConfig, databaseUrl: string) =>
    resolveQueueConnection(config.get('REDIS_URL', { infer: true }), databaseUrl, config.get('QUEUE_PREFIX', { infer: true })),
};

@Global()
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      extraProviders: [connectionProvider],
      inject: [QUEUE_CONNECTION],
      useFactory: (connection: QueueConnection) => ({ connection: connection.options as never, prefix: connection.prefix }),
    }),
    BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
  ],
  providers: [connectionProvider, JobQueueService, JobWorkerHost],
  exports: [JobQueueService, QUEUE_CONNECTION],
})
export class QueueModule {}
