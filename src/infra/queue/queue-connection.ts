import { createPostgresBackend, setDefaultBackendFactory, type ConnectionOptions } from 'bullmq';
import type { PostgresConnectionOptions } from 'bullmq';

export const QUEUE_CONNECTION = Symbol('QUEUE_CONNECTION');
export const BULLMQ_PG_SCHEMA = 'bullmq';

export type QueueBackendKind = 'redis' | 'postgres';

export interface QueueConnection {
  kind: QueueBackendKind;
  options: ConnectionOptions | PostgresConnectionOptions;
  /** Key prefix (Redis only; the PostgreSQL backend namespaces by schema). */
  prefix?: string;
}

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

/**
 * Chooses BullMQ's backend once, at boot: Redis when REDIS_URL is set,
 * otherwise BullMQ's PostgreSQL backend in the `bullmq` schema of our own
 * database (its migrations run on connect). The backend factory is
 * process-wide, so every Queue and Worker follows this choice.
 */
export function resolveQueueConnection(redisUrl: string | undefined, databaseUrl: string, prefix: string): QueueConnection {
  if (redisUrl) {
    setDefaultBackendFactory();
    return { kind: 'redis', options: redisOptions(redisUrl), prefix };
  }
  setDefaultBackendFactory(createPostgresBackend);
  return {
    kind: 'postgres',
    options: { connectionString: databaseUrl, schema: BULLMQ_PG_SCHEMA, migrate: true, max: 5 },
  };
}
