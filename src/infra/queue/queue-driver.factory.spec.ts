import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QueueDriver } from '../config/env.schema';
import { ConfigValidationError } from '../config/validate-env';
import { createQueueConnection } from './queue-driver.factory';

const DATABASE = 'postgres://postgres@127.0.0.1:5432/chatgrow';
const configError = (pattern: RegExp) => (err: Error) => err instanceof ConfigValidationError && pattern.test(err.message);

describe('createQueueConnection', () => {
  it('builds the backend QUEUE_DRIVER names', () => {
    const postgres = createQueueConnection({ QUEUE_DRIVER: QueueDriver.postgres, QUEUE_PREFIX: 'chatgrow' }, DATABASE);
    assert.equal(postgres.kind, 'postgres');
    assert.deepEqual(postgres.options, { connectionString: DATABASE, schema: 'bullmq', migrate: true, max: 5 });
    const redis = createQueueConnection(
      { QUEUE_DRIVER: QueueDriver.redis, REDIS_URL: 'rediss://user:p%40ss@cache.example.co.il:6380/2', QUEUE_PREFIX: 'shop' },
      DATABASE,
    );
    assert.equal(redis.kind, 'redis');
    assert.equal(redis.prefix, 'shop');
    assert.deepEqual(redis.options, {
      host: 'cache.example.co.il',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 2,
      tls: {},
      maxRetriesPerRequest: null,
    });
  });

  it('refuses an unknown backend and Redis without REDIS_URL, as config errors', () => {
    assert.throws(
      () => createQueueConnection({ QUEUE_DRIVER: 'kafka' as never, QUEUE_PREFIX: 'chatgrow' }, DATABASE),
      configError(/QUEUE_DRIVER: unknown driver "kafka" \(one of: postgres, redis\)/),
    );
    assert.throws(
      () => createQueueConnection({ QUEUE_DRIVER: QueueDriver.redis, QUEUE_PREFIX: 'chatgrow' }, DATABASE),
      configError(/REDIS_URL: required when QUEUE_DRIVER=redis/),
    );
  });
});
