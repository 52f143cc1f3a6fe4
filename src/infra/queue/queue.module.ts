import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DiscoveryModule } from '@nestjs/core';
import { type AppConfig, pickConfig } from '../config/app-config';
import { DATABASE_URL } from '../database/database.tokens';
import { JobQueueService } from './job-queue.service';
import { JobWorkerHost } from './job-worker.host';
import { QueueName } from './job-names';
import { createQueueConnection, QUEUE_CONFIG } from './queue-driver.factory';
import { QUEUE_CONNECTION, type QueueConnection } from './queue.port';

/** The backend choice, made once: BullMQ's root config and our workers share it. */
@Global()
@Module({
  providers: [
    {
      provide: QUEUE_CONNECTION,
      inject: [ConfigService, DATABASE_URL],
      useFactory: (config: AppConfig, databaseUrl: string): QueueConnection =>
        createQueueConnection(pickConfig(config, QUEUE_CONFIG), databaseUrl),
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
