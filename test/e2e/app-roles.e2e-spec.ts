import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { JobQueueService } from '../../src/infra/queue/job-queue.service';
import { JobName, QueueName } from '../../src/infra/queue/job-names';
import { waitForJob } from '../support/jobs';
import { freePort, startBuiltApp, type RunningApp } from '../support/process';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from '../support/test-app';

describe('APP_ROLE: API and workers as separate processes', () => {
  let api: TestApp;
  let worker: RunningApp | undefined;
  before(async () => {
    api = await startTestApp({ APP_ROLE: 'api' });
  });
  after(async () => {
    worker?.child.kill('SIGTERM');
    await worker?.exited;
    await api.close();
  });

  it('an API-only process enqueues but does not run jobs; a worker process runs them and serves no HTTP', async () => {
    const jobs = api.app.get(JobQueueService);
    const queue = jobs.queue(QueueName.maintenance);
    const job = await jobs.enqueue(JobName.PurgeExpiredRefreshTokens, {}, { jobId: `roles-${randomUUID()}` });
    await new Promise((r) => setTimeout(r, 1_000));
    assert.equal(await (await queue.getJob(job.id!))!.getState(), 'waiting', 'no worker in the API process');

    const port = await freePort();
    worker = startBuiltApp({
      APP_ROLE: 'worker',
      DATABASE_URL: api.databaseUrl,
      DATA_DIR: api.dataDir,
      JWT_SECRET: TEST_JWT_SECRET,
      PORT: String(port),
      LOG_LEVEL: 'info',
    });
    const done = await waitForJob(queue, job.id!, 60_000);
    assert.equal(done.state, 'completed', worker.output());
    const http = await fetch(`http://127.0.0.1:${port}/health/live`).then(
      () => 'answered',
      () => 'refused',
    );
    assert.equal(http, 'refused');
    assert.match(worker.output(), /Worker started \(no HTTP\)/);
  });
});
