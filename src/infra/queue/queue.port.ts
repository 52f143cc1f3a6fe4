import type { ConnectionOptions, PostgresConnectionOptions } from 'bullmq';
import type { QueueDriver } from '../config/env.schema';

/**
 * The queue backend: BullMQ on PostgreSQL or on Redis (QUEUE_DRIVER). BullMQ's
 * root config, our workers and the health check inject QUEUE_CONNECTION, so
 * every Queue and Worker uses the one backend chosen at boot.
 */
export interface QueueConnection {
  kind: QueueDriver;
  options: ConnectionOptions | PostgresConnectionOptions;
  /** Key prefix (Redis only; the PostgreSQL backend namespaces by schema). */
  prefix?: string;
}

export const QUEUE_CONNECTION = Symbol('QUEUE_CONNECTION');
