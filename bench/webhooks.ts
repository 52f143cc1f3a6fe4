import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { createApp, shutdownApp } from '../src/app.factory';
import { DomainEvents } from '../src/common/domain-events/domain-events';
import { validateEnv } from '../src/infra/config/validate-env';
import { JobAddBatcher } from '../src/infra/queue/job-add-batcher';
import { jobDefaults } from '../src/infra/queue/job-queue.service';
import { WEBHOOK_CONCURRENCY } from '../src/infra/queue/job-worker.host';
import { postgresQueueConnection, redisQueueConnection } from '../src/infra/queue/queue-connection';
import { ask, forkHelper, stopHelper } from './processes';
import { dropRedisKeys, percentile, scratchDatabase } from './support';
import type { ReceiverStats } from './webhooks-receiver';
import { webhooksEnv } from './webhooks-env';

/**
 * `npm run bench:webhooks`: outbound webhook deliveries to a local receiver,
 * on the PostgreSQL queue backend and then on Redis. Four processes:
 * - this one, the producer: the app in the API role; a business and its
 *   endpoint are registered over HTTP, then domain events
 *   (`customer.created`) are emitted as the customers service emits them
 *   (DomainEvents, 16 at a time); the app's listener fans each out (delivery
 *   row, queued job);
 * - the app's workers (bench/webhooks-worker, APP_ROLE=worker): the delivery
 *   job signs, POSTs through the SSRF guard's lookup, records the attempt;
 * - the receiver (bench/webhooks-receiver): answers 200, checks every
 *   signature with node:crypto, notes when each event arrived;
 * - the floors, each in a process of its own: a bare loop POSTing bodies
 *   shaped and signed the same way to the same receiver, with the worker's
 *   concurrency, no queue and no database (bench/webhooks-floor); and bare
 *   BullMQ no-op jobs on the same backend, added as the app adds them, run
 *   with the worker's concurrency (bench/notify-noop-worker): what the queue
 *   alone costs.
 * Figures: deliveries/s from the first event (or first POST) to the last
 * arrival; latency from emitting the domain event to its arrival, for the
 * burst (all events at once: it includes waiting in the queue's backlog) and
 * for a paced run below capacity (what a delivery costs when nothing waits).
 */
const TOTAL = Number(process.env.BENCH_WEBHOOKS_TOTAL ?? 10_000);
const WARMUP = Number(process.env.BENCH_WEBHOOKS_WARMUP ?? 200);
const PRODUCERS = Number(process.env.BENCH_WEBHOOKS_PRODUCERS ?? 16);
const PACED_TOTAL = Number(process.env.BENCH_WEBHOOKS_PACED_TOTAL ?? 1_000);
/** Events a second in the paced run; unset: half the rate the burst achieved, so nothing waits. */
const PACED_RATE = process.env.BENCH_WEBHOOKS_PACED_RATE ? Number(process.env.BENCH_WEBHOOKS_PACED_RATE) : undefined;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const BACKENDS = (process.env.BENCH_WEBHOOKS_BACKENDS ?? 'postgres,redis').split(',') as Backend[];
const TIMEOUT_MS = 10 * 60_000;

type Backend = 'postgres' | 'redis';
const LABEL: Record<Backend, string> = { postgres: 'PostgreSQL', redis: 'Redis' };

const out = (s: string) => process.stdout.write(`${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (n: number) => n.toLocaleString('en-US');

async function produce(count: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: PRODUCERS }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, everyMs = 50): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const got = await probe();
    if (got !== undefined) return got;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** Bare BullMQ no-op jobs on the backend, added one by one as the app adds them (JobAddBatcher), to a worker in its own process. */
async function queueFloor(backend: Backend, env: Record<string, string>, prefix: string | undefined, databaseUrl: string) {
  const queueName = 'bench-webhooks-noop';
  const { proc } = await forkHelper<'ready'>('notify-noop-worker.js', {
    ...env,
    BENCH_NOOP_QUEUE: queueName,
    BENCH_NOOP_CONCURRENCY: String(WEBHOOK_CONCURRENCY),
  });
  const connection = backend === 'redis' ? redisQueueConnection(REDIS_URL, prefix!) : postgresQueueConnection(databaseUrl);
  const queue = new Queue(queueName, { connection: connection.options as never, prefix: connection.prefix });
  const adder = new JobAddBatcher(queue);
  const add = () => adder.add('noop', {}, { ...jobDefaults(connection.kind), jobId: randomUUID() });
  try {
    const batch = async (count: number) => {
      const done = ask<{ done: number; first: number; last: number }>(proc, { expect: count });
      const t0 = Date.now();
      await produce(count, add);
      return (await done).last - t0;
    };
    await batch(WARMUP);
    return await batch(TOTAL);
  } finally {
    await queue.close();
    await stopHelper(proc);
  }
}

async function run(backend: Backend): Promise<void> {
  const db = await scratchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'chatgrow-bench-webhooks-'));
  const prefix = backend === 'redis' ? `bench-webhooks-${randomBytes(4).toString('hex')}` : undefined;
  const receiver = await forkHelper<{ port: number }>('webhooks-receiver.js', {});
  const receiverUrl = `http://127.0.0.1:${receiver.first.port}/hooks/chatgrow`;
  const env: Record<string, string> = {
    BENCH_DATABASE_URL: db.url,
    BENCH_DATA_DIR: dataDir,
    BENCH_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    ...(prefix ? { BENCH_REDIS_URL: REDIS_URL, BENCH_QUEUE_PREFIX: prefix } : {}),
  };
  onInterrupt = async () => {
    if (prefix) await dropRedisKeys(REDIS_URL, prefix);
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const stats = () => ask<ReceiverStats>(receiver.proc, 'stats');
  const arrived = (count: number) =>
    until('the deliveries at the receiver', async () => {
      const s = await stats();
      return s.count >= count ? s : undefined;
    });
  let worker: Awaited<ReturnType<typeof forkHelper>>['proc'] | undefined;
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  const pg = new Client({ connectionString: db.url });
  try {
    // The floor: the same signed bodies POSTed by a bare loop in its own process.
    const floorSecret = `whsec_${randomBytes(32).toString('base64url')}`;
    await ask(receiver.proc, { secret: floorSecret });
    const floorProc = await forkHelper<'ready'>('webhooks-floor.js', {});
    const floorRun = async (total: number) => {
      await ask(receiver.proc, 'reset');
      const { start } = await ask<{ start: number }>(floorProc.proc, {
        url: receiverUrl,
        secret: floorSecret,
        total,
        concurrency: WEBHOOK_CONCURRENCY,
        businessId: randomUUID(),
      });
      const s = await arrived(total);
      return { ms: s.last - start, stats: s };
    };
    await floorRun(WARMUP);
    const floor = await floorRun(TOTAL);
    await stopHelper(floorProc.proc);
    const queueMs = await queueFloor(backend, env, prefix, db.url);

    // The app: a worker process, and this process as the API emitting domain events.
    ({ proc: worker } = await forkHelper<'ready'>('webhooks-worker.js', env));
    app = await createApp(validateEnv({ ...webhooksEnv(env), APP_ROLE: 'api' }), { logs: false });
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
      if (res.status >= 300) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as Record<string, string>;
    };
    const reg = await post('/api/auth/register', {
      email: `webhooks-${Date.now()}@example.co.il`,
      password: 'Sh4lom-Olam-2026',
      name: 'דנה לוי',
      businessName: 'סטודיו דנה',
    });
    const endpoint = await post(
      '/api/webhooks/endpoints',
      { url: receiverUrl, eventTypes: ['customer.created'], description: 'bench' },
      { authorization: `Bearer ${reg.accessToken}` },
    );
    await ask(receiver.proc, { secret: endpoint.secret });
    const events = app.get(DomainEvents, { strict: false });
    const emitted = new Map<number, number>();
    const emit = (seq: number) => {
      emitted.set(seq, Date.now());
      return events.emitAndWait('customer.created', { businessId: reg.businessId, customerId: randomUUID(), source: `bench:${seq}` });
    };
    const latencies = async (from: number, count: number) => {
      const pairs = await ask<[number, number][]>(receiver.proc, 'arrivals');
      const ms = pairs.filter(([seq]) => seq >= from && seq < from + count).map(([seq, at]) => at - emitted.get(seq)!);
      return ms.sort((a, b) => a - b);
    };

    await ask(receiver.proc, 'reset');
    await produce(WARMUP, (i) => emit(1_000_000 + i));
    await arrived(WARMUP);

    await ask(receiver.proc, 'reset');
    const t0 = Date.now();
    await produce(TOTAL, emit);
    const enqueuedMs = Date.now() - t0;
    const burst = await arrived(TOTAL);
    const burstMs = burst.last - t0;
    const burstLat = await latencies(0, TOTAL);

    // Paced: well below capacity (half the burst's rate), the latency of a delivery when nothing waits.
    const pacedRate = PACED_RATE ?? Math.max(1, Math.floor(TOTAL / (burstMs / 1000) / 2));
    await ask(receiver.proc, 'reset');
    const pacedFrom = 2_000_000;
    const p0 = Date.now();
    for (let i = 0; i < PACED_TOTAL; i++) {
      const due = p0 + (i * 1000) / pacedRate;
      if (due > Date.now()) await sleep(due - Date.now());
      void emit(pacedFrom + i);
    }
    const paced = await arrived(PACED_TOTAL);
    const pacedLat = await latencies(pacedFrom, PACED_TOTAL);

    await pg.connect();
    const { rows } = await pg.query<{ status: string; n: number; retried: number }>(
      `SELECT status, count(*)::int AS n, count(*) FILTER (WHERE attempts > 1)::int AS retried FROM webhook_deliveries GROUP BY status`,
    );

    const rate = (ms: number) => TOTAL / (ms / 1000);
    const row = (label: string, ms: number, extra = '') =>
      out(`${label.padEnd(66)}${rate(ms).toFixed(0).padStart(9)}${(ms / 1000).toFixed(1).padStart(9)}${extra}`);
    out(
      `\n${fmt(TOTAL)} webhook deliveries to a local receiver, ${LABEL[backend]} queue backend` +
        ` (worker concurrency ${WEBHOOK_CONCURRENCY}, ${PRODUCERS} producers, after ${WARMUP} to warm up)`,
    );
    out(`${'target'.padEnd(66)}${'deliv/s'.padStart(9)}${'seconds'.padStart(9)}`);
    row('bare loop POSTing the same signed bodies (own process, no queue)', floor.ms);
    row('bare BullMQ no-op jobs: first add → last completed (own process)', queueMs);
    row('ChatGrow: first domain event → last delivery at the receiver', burstMs);
    out(`  events emitted and fanned out (row + job) in ${(enqueuedMs / 1000).toFixed(1)} s`);
    out(
      `  receiver: ${fmt(burst.count)} deliveries, ${fmt(burst.distinct)} distinct events, ${burst.count - burst.distinct} duplicates,` +
        ` ${burst.badSignatures} bad signatures (floor: ${floor.stats.badSignatures})`,
    );
    out(`  delivery log: ${rows.map((r) => `${fmt(r.n)} ${r.status} (${r.retried} retried)`).join(', ')}`);
    out(
      `  ratio ${(floor.ms / burstMs).toFixed(2)}× of the bare POST loop's rate, ${(queueMs / burstMs).toFixed(2)}× of the bare queue's` +
        ` (each delivery is also a row written twice: the fan-out insert and the attempt's record)`,
    );
    const lat = (label: string, sorted: number[]) =>
      out(
        `  ${label.padEnd(64)}p50 ${String(percentile(sorted, 50)).padStart(6)} ms   p99 ${String(percentile(sorted, 99)).padStart(6)} ms   max ${String(sorted.at(-1)).padStart(6)} ms`,
      );
    out(`\n  domain event → delivery at the receiver`);
    lat(`burst of ${fmt(TOTAL)} (includes waiting in the backlog)`, burstLat);
    lat(`paced, ${fmt(PACED_TOTAL)} at ${pacedRate}/s (nothing waits)`, pacedLat);
    out(`  (paced: ${fmt(paced.count)} arrived, ${paced.badSignatures} bad signatures)`);
  } finally {
    onInterrupt = undefined;
    await pg.end().catch(() => undefined);
    if (app) await shutdownApp(app);
    if (worker) await stopHelper(worker);
    await stopHelper(receiver.proc);
    if (prefix) await dropRedisKeys(REDIS_URL, prefix);
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** What an interrupted run leaves to undo: its scratch database, its Redis keys, its folder. */
let onInterrupt: (() => Promise<void>) | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void (onInterrupt?.() ?? Promise.resolve()).finally(() => process.exit(130)));

async function main(): Promise<void> {
  for (const backend of BACKENDS) await run(backend);
}

void main().catch((err: Error) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
