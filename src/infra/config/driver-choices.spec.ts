import 'reflect-metadata';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeDrivers } from './driver-choices';
import { ConfigValidationError, validateEnv } from './validate-env';

const base = { JWT_SECRET: 'x'.repeat(40) };
const REDIS_URL = 'redis://127.0.0.1:6379';
const MONGODB_URI = 'mongodb://127.0.0.1:27017/chatgrow';

function failure(raw: Record<string, string>): string {
  try {
    validateEnv({ ...base, ...raw });
  } catch (err) {
    assert.ok(err instanceof ConfigValidationError);
    return err.message;
  }
  assert.fail('validation passed');
}

const drivers = (raw: Record<string, string>) => {
  const env = validateEnv({ ...base, ...raw });
  return { documents: env.DOCUMENT_STREAM_DRIVER, queue: env.QUEUE_DRIVER, rateLimit: env.RATE_LIMIT_STORE };
};

describe('driver choices in the validated config', () => {
  it('default to what needs nothing running when no connection setting is given', () => {
    assert.deepEqual(drivers({}), { documents: 'postgres', queue: 'postgres', rateLimit: 'memory' });
    assert.deepEqual(
      drivers({ QUEUE_DRIVER: '', DOCUMENT_STREAM_DRIVER: '', RATE_LIMIT_STORE: '' }),
      drivers({}),
      'empty as in .env.example',
    );
  });

  it('follow REDIS_URL and MONGODB_URI when unset, as before the driver variables existed', () => {
    assert.deepEqual(drivers({ REDIS_URL }), { documents: 'postgres', queue: 'redis', rateLimit: 'redis' });
    assert.deepEqual(drivers({ MONGODB_URI }), { documents: 'mongodb', queue: 'postgres', rateLimit: 'memory' });
  });

  it('let an explicit driver win over the presence of a URL', () => {
    assert.deepEqual(drivers({ REDIS_URL, MONGODB_URI, QUEUE_DRIVER: 'postgres', DOCUMENT_STREAM_DRIVER: 'postgres' }), {
      documents: 'postgres',
      queue: 'postgres',
      rateLimit: 'redis',
    });
    assert.deepEqual(drivers({ REDIS_URL, RATE_LIMIT_STORE: 'memory' }), { documents: 'postgres', queue: 'redis', rateLimit: 'memory' });
  });

  it('refuse an unknown driver, naming the variable and the choices', () => {
    const message = failure({ QUEUE_DRIVER: 'kafka', DOCUMENT_STREAM_DRIVER: 'couchdb', RATE_LIMIT_STORE: 'memcached' });
    assert.match(message, /QUEUE_DRIVER: QUEUE_DRIVER must be one of: postgres, redis/);
    assert.match(message, /DOCUMENT_STREAM_DRIVER: DOCUMENT_STREAM_DRIVER must be one of: postgres, mongodb/);
    assert.match(message, /RATE_LIMIT_STORE: RATE_LIMIT_STORE must be one of: memory, redis/);
  });

  it('refuse a driver without the setting it connects with, naming both variables', () => {
    assert.match(failure({ QUEUE_DRIVER: 'redis' }), /REDIS_URL: required when QUEUE_DRIVER=redis/);
    assert.match(failure({ RATE_LIMIT_STORE: 'redis' }), /REDIS_URL: required when RATE_LIMIT_STORE=redis/);
    assert.match(failure({ DOCUMENT_STREAM_DRIVER: 'mongodb' }), /MONGODB_URI: required when DOCUMENT_STREAM_DRIVER=mongodb/);
    const all = failure({ QUEUE_DRIVER: 'redis', DOCUMENT_STREAM_DRIVER: 'mongodb', EMAIL_DRIVER: 'smtp' });
    assert.equal(all.split('\n').length, 4, 'every problem at once, one per line');
  });

  it('are described in one boot log line', () => {
    assert.equal(
      describeDrivers(validateEnv({ ...base })),
      'Drivers: database=embedded email=outbox sms=log documents=postgres queue=postgres rate-limit=memory storage=local allocation=manual payments=sandbox ai=none',
    );
    assert.equal(
      describeDrivers(
        validateEnv({
          ...base,
          DATABASE_URL: 'postgres://db/chatgrow',
          REDIS_URL,
          MONGODB_URI,
          EMAIL_DRIVER: 'smtp',
          SMTP_URL: 'smtp://mail',
        }),
      ),
      'Drivers: database=external email=smtp sms=log documents=mongodb queue=redis rate-limit=redis storage=local allocation=manual payments=sandbox ai=none',
    );
  });
});
