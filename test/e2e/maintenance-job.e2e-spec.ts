import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { JobQueueService } from '../../src/infra/queue/job-queue.service';
import { JobName, QueueName } from '../../src/infra/queue/job-names';
import { newBusiness } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { waitForJob } from '../support/jobs';

const backends = [
  { name: 'PostgreSQL', env: {} as Record<string, string>, kind: 'postgres' },
  {
    name: 'Redis',
    env: { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}` },
    kind: 'redis',
  },
];

for (const backend of backends) {
  describe(`maintenance job on the ${backend.name} backend`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(backend.env);
    });
    after(async () => {
      // Redis keeps what a run leaves: drop this run's queue keys (PostgreSQL goes with the database).
      if (backend.kind === 'redis') await t.app.get(JobQueueService).queue(QueueName.maintenance).obliterate({ force: true });
      await t.close();
    });

    it('registers the repeatable purge and deletes expired refresh tokens when it runs', async () => {
      const jobs = t.app.get(JobQueueService);
      const queue = jobs.queue(QueueName.maintenance);
      const schedulers = await queue.getJobSchedulers();
      assert.deepEqual(
        schedulers.map((s) => s.name),
        [JobName.PurgeExpiredRefreshTokens],
      );

      // The scheduler runs its first purge at once; let it finish so it cannot take our row.
      for (let i = 0; i < 200 && (await queue.getCompletedCount()) === 0; i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok((await queue.getCompletedCount()) >= 1, 'the scheduled purge ran at boot');

      const owner = await newBusiness(t.http);
      const ds = t.app.get(DataSource);
      await ds.query(
        `INSERT INTO refresh_tokens (business_id, user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, $4, now() - interval '3 days')`,
        [owner.businessId, owner.userId, randomUUID(), randomBytes(32).toString('hex')],
      );
      const job = await jobs.enqueue(JobName.PurgeExpiredRefreshTokens, {}, { jobId: `purge-now-${randomUUID()}` });
      const finished = await waitForJob(queue, job.id!);
      assert.equal(finished.state, 'completed');
      assert.deepEqual(finished.returnvalue, { deleted: 1 });
      const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM refresh_tokens WHERE user_id = $1`, [owner.userId]);
      assert.equal(count, 1, 'the live registration token stays');

      const health = await t.http.get('/health/ready');
      assert.equal(health.body.details[`queue:${backend.kind}`].status, 'up');
    });
  });
}
