import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FILE_STORAGE } from '../../src/infra/storage/file-storage.port';
import { S3FileStorage } from '../../src/infra/storage/s3.file-storage';
import { MemoryThrottlerStorage } from '../../src/infra/throttle/memory-throttler.storage';
import { THROTTLE_STORAGE } from '../../src/infra/throttle/throttle.port';
import { createTestDatabase } from '../support/database';
import { freePort, startBuiltApp, waitForStatus } from '../support/process';
import { S3_FAKE_CREDENTIALS, startS3Fake, type S3Fake } from '../support/s3-fake';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('drivers chosen at boot', () => {
  describe('an explicit driver over the presence of REDIS_URL', () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp({
        REDIS_URL,
        QUEUE_DRIVER: 'postgres',
        RATE_LIMIT_STORE: 'memory',
        QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
      });
    });
    after(() => t.close());

    it('runs the queue on PostgreSQL and counts rate limits in memory', async () => {
      const ready = await t.http.get('/health/ready');
      assert.equal(ready.status, 200);
      assert.equal(ready.body.details['queue:postgres'].status, 'up');
      assert.equal(ready.body.details['queue:redis'], undefined);
      assert.equal(ready.body.details['documents:postgres'].status, 'up');
      assert.equal(ready.body.details['storage:local'].status, 'up');
      assert.ok(t.app.get(THROTTLE_STORAGE) instanceof MemoryThrottlerStorage);
    });
  });

  describe('file storage on an S3-compatible store', () => {
    let fake: S3Fake;
    let t: TestApp;
    before(async () => {
      fake = await startS3Fake();
      t = await startTestApp({
        STORAGE_DRIVER: 's3',
        S3_BUCKET: fake.bucket,
        S3_ENDPOINT: fake.endpoint,
        S3_ACCESS_KEY_ID: S3_FAKE_CREDENTIALS.accessKeyId,
        S3_SECRET_ACCESS_KEY: S3_FAKE_CREDENTIALS.secretAccessKey,
        S3_FORCE_PATH_STYLE: 'true',
      });
    });
    after(async () => {
      await t.close();
      await fake.close().catch(() => undefined);
    });

    it('probes the bucket for readiness, and is not ready when the store goes away', async () => {
      assert.ok(t.app.get(FILE_STORAGE) instanceof S3FileStorage);
      const ready = await t.http.get('/health/ready');
      assert.equal(ready.status, 200, JSON.stringify(ready.body));
      assert.equal(ready.body.details['storage:s3'].status, 'up');
      assert.equal(ready.body.details['storage:local'], undefined);
      await fake.close();
      const down = await t.http.get('/health/ready');
      assert.equal(down.status, 503, JSON.stringify(down.body));
      // The 503 is problem+json without the per-check details; the probe gives the reason.
      const probe = await t.app.get<symbol, S3FileStorage>(FILE_STORAGE).probe();
      assert.equal(probe.ok, false);
      assert.match(probe.detail ?? '', /^S3 HeadBucket chatgrow-test: cannot reach the store: ECONNREFUSED/);
    });
  });

  describe('the built app', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chatgrow-drivers-'));
    let db: { url: string; drop(): Promise<void> };
    before(async () => {
      db = await createTestDatabase();
    });
    after(async () => {
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('refuses a driver without its setting, naming both variables', async () => {
      const app = startBuiltApp({
        QUEUE_DRIVER: 'redis',
        DOCUMENT_STREAM_DRIVER: 'mongodb',
        STORAGE_DRIVER: 's3',
        S3_BUCKET: 'chatgrow-documents',
        DATABASE_URL: db.url,
        DATA_DIR: dataDir,
      });
      assert.notEqual(await app.exited, 0);
      assert.match(app.output(), /REDIS_URL: required when QUEUE_DRIVER=redis/);
      assert.match(app.output(), /MONGODB_URI: required when DOCUMENT_STREAM_DRIVER=mongodb/);
      assert.match(app.output(), /S3_ACCESS_KEY_ID: required when STORAGE_DRIVER=s3/);
      assert.match(app.output(), /S3_SECRET_ACCESS_KEY: required when STORAGE_DRIVER=s3/);
      assert.doesNotMatch(app.output(), /S3_BUCKET/);
    });

    it('logs its driver choices once at startup', async () => {
      const port = await freePort();
      const app = startBuiltApp({
        DATABASE_URL: db.url,
        DATA_DIR: dataDir,
        JWT_SECRET: TEST_JWT_SECRET,
        PORT: String(port),
        LOG_LEVEL: 'info',
      });
      try {
        await waitForStatus(`http://127.0.0.1:${port}/health/live`, 200, app);
      } finally {
        app.child.kill('SIGTERM');
        assert.equal(await app.exited, 0, app.output());
      }
      const lines = app.output().match(/Drivers: .*/g) ?? [];
      assert.equal(lines.length, 1, app.output());
      assert.match(
        lines[0],
        /Drivers: database=external email=outbox sms=log documents=postgres queue=postgres rate-limit=memory storage=local allocation=manual payments=sandbox/,
      );
    });
  });
});
