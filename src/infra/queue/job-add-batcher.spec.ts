import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { JobAddBatcher, MAX_ADD_BATCH } from './job-add-batcher';

type Added = { name: string; data: unknown; opts: JobsOptions };

/** A queue that records its calls and answers each when told to. */
function fakeQueue() {
  const calls: { kind: 'add' | 'addBulk'; jobs: Added[]; finish(err?: Error): void }[] = [];
  const answer = (jobs: Added[]) => jobs.map((j) => ({ id: j.opts.jobId, name: j.name }) as unknown as Job);
  const call = (kind: 'add' | 'addBulk', jobs: Added[]) =>
    new Promise<Job[]>((resolve, reject) => calls.push({ kind, jobs, finish: (err) => (err ? reject(err) : resolve(answer(jobs))) }));
  const queue = {
    add: async (name: string, data: unknown, opts: JobsOptions) => (await call('add', [{ name, data, opts }]))[0],
    addBulk: (jobs: Added[]) => call('addBulk', jobs),
  } as unknown as Queue;
  return { queue, calls };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('JobAddBatcher', () => {
  it('adds a lone job at once, as a plain add', async () => {
    const { queue, calls } = fakeQueue();
    const job = new JobAddBatcher(queue).add('message.send-email', { messageId: 'm1' }, { jobId: 'm1' });
    await tick();
    assert.equal(calls.length, 1);
    assert.equal(calls[0].kind, 'add');
    calls[0].finish();
    assert.equal((await job).id, 'm1');
  });

  it('sends the adds that came meanwhile as one addBulk, in order, each caller getting its own job', async () => {
    const { queue, calls } = fakeQueue();
    const batcher = new JobAddBatcher(queue);
    const first = batcher.add('a', {}, { jobId: '1' });
    const rest = ['2', '3', '4'].map((id) => batcher.add('a', { id }, { jobId: id, delay: 10 }));
    await tick();
    assert.equal(calls.length, 1, 'the others wait for the add on its way');
    calls[0].finish();
    assert.equal((await first).id, '1');
    await tick();
    assert.equal(calls.length, 2);
    assert.equal(calls[1].kind, 'addBulk');
    assert.deepEqual(
      calls[1].jobs.map((j) => [j.opts.jobId, j.opts.delay, j.data]),
      [
        ['2', 10, { id: '2' }],
        ['3', 10, { id: '3' }],
        ['4', 10, { id: '4' }],
      ],
    );
    calls[1].finish();
    assert.deepEqual(
      (await Promise.all(rest)).map((j) => j.id),
      ['2', '3', '4'],
    );
  });

  it(`splits a backlog into batches of ${MAX_ADD_BATCH}`, async () => {
    const { queue, calls } = fakeQueue();
    const batcher = new JobAddBatcher(queue);
    const all = Array.from({ length: 1 + MAX_ADD_BATCH + 5 }, (_, i) => batcher.add('a', {}, { jobId: String(i) }));
    for (let n = 1; n <= 3; n++) {
      await tick();
      assert.equal(calls.length, n);
      calls[n - 1].finish();
    }
    assert.deepEqual(
      calls.map((c) => c.jobs.length),
      [1, MAX_ADD_BATCH, 5],
    );
    assert.equal((await Promise.all(all)).length, 1 + MAX_ADD_BATCH + 5);
  });

  it('fails every add of a failed batch with its error, and goes on with the next', async () => {
    const { queue, calls } = fakeQueue();
    const batcher = new JobAddBatcher(queue);
    const first = batcher.add('a', {}, { jobId: '1' });
    const failing = [batcher.add('a', {}, { jobId: '2' }), batcher.add('a', {}, { jobId: '3' })];
    await tick();
    calls[0].finish();
    await first;
    await tick();
    calls[1].finish(new Error('connection refused'));
    for (const add of failing) await assert.rejects(add, /connection refused/);
    const later = batcher.add('a', {}, { jobId: '4' });
    await tick();
    assert.equal(calls.length, 3);
    assert.equal(calls[2].kind, 'add');
    calls[2].finish();
    assert.equal((await later).id, '4');
  });
});
