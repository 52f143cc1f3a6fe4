import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MemoryThrottlerStorage } from '../../src/infra/throttle/memory-throttler.storage';
import { THROTTLE_STORAGE } from '../../src/infra/throttle/throttle.port';
import { createTestDatabase } from '../support/database';
import { freePort, startBuiltApp, waitForStatus } from '../support/process';
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
      assert.ok(t.app.get(THROTTLE_STORAGE) instanceof MemoryThrottlerStorage);
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
      const app = startBuiltApp({ QUEUE_DRIVER: 'redis', DOCUMENT_STREAM_DRIVER: 'mongodb', DATABASE_URL: db.url, DATA_DIR: dataDir });
      assert.notEqual(await app.exited, 0);
      assert.match(app.output(), /REDIS_URL: required when QUEUE_DRIVER=redis/);
      assert.match(app.output(), /MONGODB_URI: required when DOCUMENT_STREAM_DRIVER=mongodb/);
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
        /Drivers: database=external email=outbox sms=log documents=postgres queue=postgres rate-limit=memory storage=local allocation=manual/,
      );
    });
  });
});
