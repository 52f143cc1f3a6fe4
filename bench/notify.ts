import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { createApp, shutdownApp } from '../src/app.factory';
import { validateEnv } from '../src/infra/config/validate-env';
import { EMAIL_CONCURRENCY } from '../src/infra/queue/job-worker.host';
import { JobAddBatcher } from '../src/infra/queue/job-add-batcher';
import { jobDefaults } from '../src/infra/queue/job-queue.service';
import { postgresQueueConnection, redisQueueConnection } from '../src/infra/queue/queue-connection';
import { NotificationsService } from '../src/modules/notifications/notifications.service';
import { Channel, MessageKind } from '../src/modules/notifications/notification.types';
import { notifyEnv } from './notify-env';
import { dropRedisKeys, scratchDatabase } from './support';
import { ask, forkHelper, stopHelper } from './processes';
import type { SinkStats } from './smtp-sink';

/**
 * `npm run bench:notify`: emails through the queue to a local SMTP sink, on
 * the PostgreSQL queue backend and then on Redis, each against bare BullMQ
 * no-op jobs on the same backend in the same run. Four processes:
 * - this one, the producer: the app in the API role calling the notifications
 *   service as POST /api/notifications/send does (recipient, message log
 *   `queued`, then a send job whose id is the message id); for the floor, a
 *   bare BullMQ Queue adding jobs with the app's job options, the way the app
 *   adds them (JobAddBatcher: adds that meet share one addBulk);
 * - the app's workers (bench/notify-worker, APP_ROLE=worker): the email send
 *   job, `queued → sending → sent` in the message log, the real `smtp` driver
 *   (Nodemailer), the `message.sent` activity on the customer's timeline;
 * - the SMTP sink (bench/smtp-sink), counting mails and the logged
 *   messages they carry;
 * - the floor (bench/notify-noop-worker): a BullMQ Worker whose processor does
 *   nothing, with the email worker's concurrency.
 * Both are timed twice. End to end, from the first enqueue: the floor to its
 * last completed job, the app to the last message `sent` in the log and to the
 * last mail at the sink (the app's side includes creating each message: the
 * recipient, the template, the log entry). Delivery alone: every job queued
 * first, then a worker started afterwards drains them, first to last completion.
 */
const TOTAL = Number(process.env.BENCH_NOTIFY_TOTAL ?? 10_000);
const WARMUP = Number(process.env.BENCH_NOTIFY_WARMUP ?? 200);
const PRODUCERS = Number(process.env.BENCH_NOTIFY_PRODUCERS ?? 16);
const CUSTOMERS = 100;
const SURNAMES = ['כהן', 'לוי', 'מזרחי', 'פרץ', 'ביטון', 'אברהם', 'פרידמן', 'אזולאי', 'דהן', 'אוחיון'];
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** A folder: the app's worker process writes a V8 CPU profile there (node --cpu-prof). */
const PROFILE_DIR = process.env.BENCH_NOTIFY_PROF;
const BACKENDS = (process.env.BENCH_NOTIFY_BACKENDS ?? 'postgres,redis').split(',') as Backend[];
const TIMEOUT_MS = 10 * 60_000;

type Backend = 'postgres' | 'redis';
const LABEL: Record<Backend, string> = { postgres: 'PostgreSQL', redis: 'Redis' };

const out = (s: string) => process.stdout.write(`${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (n: number) => n.toLocaleString('en-US');

/** Runs `count` calls of `task`, `PRODUCERS` at a time. */
async function produce(count: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: PRODUCERS }, async () => {
      while (next < count)
        await task(next++).catch((err: Error) => {
          process.stderr.write(`task: ${err.stack}\n`);
          throw err;
        });
    }),
  );
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, everyMs = 100): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const got = await probe();
    if (got !== undefined) return got;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** The floor: `count` no-op jobs added one by one, as the app adds its send jobs, to a worker in its own process. */
async function noopRun(backend: Backend, env: Record<string, string>, prefix: string | undefined, databaseUrl: string) {
  const queueName = 'bench-noop';
  let { proc } = await forkHelper<'ready'>('notify-noop-worker.js', {
    ...env,
    BENCH_NOOP_QUEUE: queueName,
    BENCH_NOOP_CONCURRENCY: String(EMAIL_CONCURRENCY),
  });
  const connection = backend === 'redis' ? redisQueueConnection(REDIS_URL, prefix!) : postgresQueueConnection(databaseUrl);
  const queue = new Queue(queueName, { connection: connection.options as never, prefix: connection.prefix });
  // Added the way the app adds its jobs (JobQueueService: concurrent adds share an addBulk).
  const adder = new JobAddBatcher(queue);
  const add = () => adder.add('noop', {}, { ...jobDefaults(connection.kind), jobId: randomUUID() });
  try {
    const batch = async (count: number) => {
      const done = ask<{ done: number; first: number; last: number }>(proc, { expect: count });
      const t0 = Date.now();
      await produce(count, add);
      const enqueued = Date.now();
      const r = await done;
      return { t0, enqueuedMs: enqueued - t0, ms: r.last - t0 };
    };
    await batch(WARMUP);
    const endToEnd = await batch(TOTAL);
    // Delivery alone: every job queued first, then a new worker drains them.
    await stopHelper(proc);
    await produce(TOTAL, add);
    const { proc: drainer } = await forkHelper<'ready'>('notify-noop-worker.js', {
      ...env,
      BENCH_NOOP_QUEUE: queueName,
      BENCH_NOOP_CONCURRENCY: String(EMAIL_CONCURRENCY),
      BENCH_NOOP_EXPECT: String(TOTAL),
    });
    proc = drainer;
    const drained = await new Promise<{ first: number; last: number }>((resolve) =>
      drainer.on('message', (m) => m !== 'ready' && resolve(m as never)),
    );
    return { ...endToEnd, drainMs: drained.last - drained.first };
  } finally {
    await queue.close();
    await stopHelper(proc);
  }
}

/** The app: `count` emails through NotificationsService.send, sent by the app's worker process to the sink. */
async function appRun(env: Record<string, string>, databaseUrl: string, sink: ChildProcess) {
  let { proc: worker } = await forkHelper<'ready'>(
    'notify-worker.js',
    env,
    PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
  );
  const app = await createApp(validateEnv({ ...notifyEnv(env), APP_ROLE: 'api' }), { logs: false });
  await app.listen(0, '127.0.0.1');
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  try {
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
      email: `notify-${Date.now()}@example.co.il`,
      password: 'Sh4lom-Olam-2026',
      name: 'דנה לוי',
      businessName: 'סטודיו דנה',
    });
    const auth = { authorization: `Bearer ${reg.accessToken}` };
    const customers: string[] = [];
    for (let i = 0; i < CUSTOMERS; i++)
      customers.push(
        (
          await post(
            '/api/customers',
            { firstName: 'נועה', lastName: SURNAMES[i % SURNAMES.length], email: `noa-${i}@example.co.il` },
            auth,
          )
        ).id,
      );
    const notifications = app.get(NotificationsService, { strict: false });
    const send = (i: number) =>
      notifications.send(reg.businessId, {
        channel: Channel.email,
        kind: MessageKind.transactional,
        customerId: customers[i % CUSTOMERS],
        subject: `תזכורת: התור שלך מחר ב-10:00 (${i})`,
        body: 'שלום נועה, מחכים לך מחר ב-10:00 בסטודיו דנה. לביטול השיבו למייל זה.',
      });
    const sentSince = async (t0: number) => {
      const { rows } = await pg.query(
        `SELECT count(*) FILTER (WHERE fields->>'status' = 'sent')::int AS sent,
                count(*) FILTER (WHERE fields->>'status' = 'failed')::int AS failed,
                count(*) FILTER (WHERE (fields->>'attempts')::int > 1)::int AS retried,
                min((fields->>'sentAt')::timestamptz) AS first_sent,
                max((fields->>'sentAt')::timestamptz) AS last_sent
           FROM stream_documents WHERE stream = 'messages' AND business_id = $1 AND at >= $2`,
        [reg.businessId, new Date(t0)],
      );
      return rows[0] as { sent: number; failed: number; retried: number; first_sent: Date | null; last_sent: Date | null };
    };
    const batch = async (count: number) => {
      await ask(sink, 'reset');
      const t0 = Date.now();
      await produce(count, send);
      const enqueuedMs = Date.now() - t0;
      const mails = await until('the mails at the SMTP sink', async () => {
        const s = await ask<SinkStats>(sink, 'stats');
        return s.count >= count ? s : undefined;
      });
      const log = await until('the messages `sent` in the log', async () => {
        const r = await sentSince(t0);
        return r.sent + r.failed >= count ? r : undefined;
      });
      return { t0, enqueuedMs, mails, log, sentMs: log.last_sent!.getTime() - t0, sinkMs: mails.last - t0 };
    };
    await batch(WARMUP);
    const endToEnd = await batch(TOTAL);
    // Delivery alone: every message logged and queued first, then a new worker process sends them.
    await stopHelper(worker);
    await ask(sink, 'reset');
    const t0 = Date.now();
    await produce(TOTAL, send);
    ({ proc: worker } = await forkHelper<'ready'>('notify-worker.js', env));
    const mails = await until('the mails at the SMTP sink', async () => {
      const st = await ask<SinkStats>(sink, 'stats');
      return st.count >= TOTAL ? st : undefined;
    });
    const log = await until('the messages `sent` in the log', async () => {
      const r = await sentSince(t0);
      return r.sent + r.failed >= TOTAL ? r : undefined;
    });
    return { ...endToEnd, drainMs: log.last_sent!.getTime() - log.first_sent!.getTime(), drainMails: mails, drainLog: log };
  } finally {
    await pg.end();
    await shutdownApp(app);
    await stopHelper(worker);
  }
}

async function run(backend: Backend): Promise<void> {
  const db = await scratchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'chatgrow-bench-notify-'));
  const prefix = backend === 'redis' ? `bench-notify-${randomBytes(4).toString('hex')}` : undefined;
  const sink = await forkHelper<{ port: number }>('smtp-sink.js', {});
  const env: Record<string, string> = {
    BENCH_DATABASE_URL: db.url,
    BENCH_DATA_DIR: dataDir,
    // As many pooled SMTP connections as the email worker runs jobs at once (nodemailer's default is 5;
    // SMTP_URL takes its pool options, as a deployment with a relay that allows more would set).
    BENCH_SMTP_URL: `smtp://127.0.0.1:${sink.first.port}/?maxConnections=${EMAIL_CONCURRENCY}`,
    ...(prefix ? { BENCH_REDIS_URL: REDIS_URL, BENCH_QUEUE_PREFIX: prefix } : {}),
  };
  // The children exit on their own when this process goes (their IPC channel closes).
  onInterrupt = async () => {
    if (prefix) await dropRedisKeys(REDIS_URL, prefix);
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const floor = await noopRun(backend, env, prefix, db.url);
    const mail = await appRun(env, db.url, sink.proc);
    const rate = (ms: number) => TOTAL / (ms / 1000);
    const row = (label: string, ms: number) =>
      out(`${label.padEnd(64)}${rate(ms).toFixed(0).padStart(9)}${(ms / 1000).toFixed(1).padStart(9)}`);
    out(
      `\n${fmt(TOTAL)} emails through the queue to a local SMTP sink, ${LABEL[backend]} queue backend` +
        ` (worker concurrency ${EMAIL_CONCURRENCY}, ${EMAIL_CONCURRENCY} pooled SMTP connections, ${PRODUCERS} producers, after ${WARMUP} to warm up)`,
    );
    out(`${'target'.padEnd(64)}${'msgs/s'.padStart(9)}${'seconds'.padStart(9)}`);
    row('bare BullMQ no-op jobs: first add → last completed (own process)', floor.ms);
    row('ChatGrow emails: first send → last `sent` in the message log', mail.sentMs);
    row('ChatGrow emails: first send → last mail at the SMTP sink', mail.sinkMs);
    out(`  enqueued in ${(floor.enqueuedMs / 1000).toFixed(1)} s (no-op jobs), ${(mail.enqueuedMs / 1000).toFixed(1)} s (emails)`);
    out(
      `  message log: ${fmt(mail.log.sent)} sent, ${mail.log.failed} failed, ${mail.log.retried} retried;` +
        ` sink: ${fmt(mail.mails.count)} mails, ${fmt(mail.mails.distinct)} distinct messages, ${mail.mails.count - mail.mails.distinct} duplicates`,
    );
    const verdict = (label: string, floorMs: number, appMs: number) => {
      const ratio = floorMs / appMs;
      const goals = [`${label}: ratio ${ratio.toFixed(2)}× of the no-op rate (goal ≥ 0.5×: ${ratio >= 0.5 ? 'met' : 'NOT met'})`];
      if (backend === 'postgres')
        goals.push(`${fmt(TOTAL)} in ${(appMs / 1000).toFixed(1)} s (goal < 30 s: ${appMs < 30_000 ? 'met' : 'NOT met'})`);
      out(goals.join('; '));
    };
    verdict('end to end (creating each message included)', floor.ms, mail.sentMs);
    out(`\n  delivery alone: all ${fmt(TOTAL)} queued first, then drained by a worker started afterwards (first → last completion)`);
    row('bare BullMQ no-op jobs drained', floor.drainMs);
    row('ChatGrow emails drained: first → last `sent` (SMTP, message log, timeline)', mail.drainMs);
    out(
      `  message log: ${fmt(mail.drainLog.sent)} sent, ${mail.drainLog.failed} failed; sink: ${fmt(mail.drainMails.count)} mails, ` +
        `${mail.drainMails.count - mail.drainMails.distinct} duplicates`,
    );
    verdict('delivery through the queue', floor.drainMs, mail.drainMs);
  } finally {
    onInterrupt = undefined;
    await stopHelper(sink.proc);
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
