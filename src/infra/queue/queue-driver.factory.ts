import { settingFor, unknownDriver } from '../config/driver-choices';
import { type EnvironmentVariables, QueueDriver } from '../config/env.schema';
import { postgresQueueConnection, redisQueueConnection } from './queue-connection';
import type { QueueConnection } from './queue.port';

export const QUEUE_CONFIG = ['QUEUE_DRIVER', 'REDIS_URL', 'QUEUE_PREFIX'] as const;
type QueueConfig = Pick<EnvironmentVariables, (typeof QUEUE_CONFIG)[number]>;

/**
 * Builds the queue backend QUEUE_DRIVER names; an unknown or incomplete choice
 * stops boot. `databaseUrl` is the PostgreSQL in use (DATABASE_URL or the
 * embedded server's), known only once the database module has resolved it.
 */
export function createQueueConnection(config: QueueConfig, databaseUrl: string): QueueConnection {
  switch (config.QUEUE_DRIVER) {
    case QueueDriver.postgres:
      return postgresQueueConnection(databaseUrl);
    case QueueDriver.redis:
      return redisQueueConnection(settingFor(config, 'QUEUE_DRIVER', 'REDIS_URL'), config.QUEUE_PREFIX);
    default:
      throw unknownDriver('QUEUE_DRIVER', config.QUEUE_DRIVER, QueueDriver);
  }
}
