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

/** The backend choice, made once: BullMQ's root config and our workers share it. */
@Global()
@Module({
  providers: [
    {
      provide: QUEUE_CONNECTION,
      inject: [ConfigService, DATABASE_URL],
      useFactory: (config: AppConfig, databaseUrl: string) =>
        resolveQueueConnection(config.get('REDIS_URL', { infer: true }), databaseUrl, config.get('QUEUE_PREFIX', { infer: true })),
    },
  ],
  exports: [QUEUE_CONNECTION],
})
export class QueueConnectionModule {}

@Global()
@Module({
  imports: [
    DiscoveryModule,
    QueueConnectionModule,
    BullModule.forRootAsync({
      imports: [QueueConnectionModule],
      inject: [QUEUE_CONNECTION],
      useFactory: (connection: QueueConnection) => ({ connection: connection.options as never, prefix: connection.prefix }),
    }),
    BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name }))),
  ],
  providers: [JobQueueService, JobWorkerHost],
  exports: [JobQueueService, QueueConnectionModule],
})
export class QueueModule {}
