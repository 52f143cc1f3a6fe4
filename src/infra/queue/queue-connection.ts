import { createPostgresBackend, setDefaultBackendFactory, type ConnectionOptions } from 'bullmq';
import { QueueDriver } from '../config/env.schema';
import type { QueueConnection } from './queue.port';

export const BULLMQ_PG_SCHEMA = 'bullmq';

function redisOptions(url: string): ConnectionOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/*
 * The two backends. BullMQ's backend factory is process-wide, so choosing one
 * here makes every Queue and Worker of the process follow it.
 */

/** BullMQ on Redis, its keys under `prefix`. */
export function redisQueueConnection(url: string, prefix: string): QueueConnection {
  setDefaultBackendFactory();
  return { kind: QueueDriver.redis, options: redisOptions(url), prefix };
}

/** BullMQ's PostgreSQL backend in the `bullmq` schema of our own database (its migrations run on connect). */
export function postgresQueueConnection(databaseUrl: string): QueueConnection {
  setDefaultBackendFactory(createPostgresBackend);
  return {
    kind: QueueDriver.postgres,
    options: { connectionString: databaseUrl, schema: BULLMQ_PG_SCHEMA, migrate: true, max: 5 },
  };
}
