import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EMAIL_CONCURRENCY } from '../src/infra/queue/job-worker.host';
import type { SinkMail } from './smtp-sink';
import { dropRedisKeys, percentile, scratchDatabase } from './support';
import { ask, cpuSeconds, forkHelper, freePort, stopHelper, stopProcess } from './processes';

/**
 * `npm run bench:payments`: payments per second through the whole payment
 * pipeline, and the latency of each from its notification to its email, with
 * 20 concurrent customers, on the PostgreSQL queue backend and then on Redis,
 * each against a bare floor of the same work in the same run.
 *
 * Processes (each backend gets a fresh scratch database, data folder and sink):
 * - the app, built, as deployed on one box: `node dist/src/main.js`,
 *   NODE_ENV=production, APP_ROLE=all (API and workers in one process), logs at
 *   `info` to the rotating file, rate limit on (high), the sandbox gateway with
 *   PUBLIC_URL pointing at the app itself, so the sandbox page's notification
 *   goes over HTTP to the app's own webhook; EMAIL_DRIVER=smtp to the sink. On
 *   Redis: REDIS_URL with a fresh QUEUE_PREFIX (its keys are deleted afterwards,
 *   nothing else is touched); only the queue moves there, the rate-limit
 *   counters stay in memory, as in bench:notify.
 * - the SMTP sink (bench/smtp-sink): keeps each mail's recipient,
 *   reference header and arrival time. SMTP rather than the outbox folder:
 *   the sink stamps each mail the moment its last byte arrives, in a process
 *   of its own, where an .eml file's mtime would be the app stamping itself,
 *   and it needs no polling of a folder; and it is the same sink the floor
 *   sends to.
 * - the floor (bench/payments-floor): per payment an INSERT, an UPDATE to
 *   paid, a one-page PDFKit page in Heebo and one email with it attached by
 *   Nodemailer to the same sink, 20 at a time; run first, while no app runs.
 * - this process, the customers: signs a business up over HTTP, sets its
 *   invoice settings, adds one customer with an email address per payment,
 *   then 20 loops each: POST /api/payments (as the business's site would,
 *   with an Idempotency-Key) → POST the approving card to the sandbox page,
 *   which notifies the webhook and answers 303. The notification's time is
 *   taken just before the card is submitted.
 * Figures: payments/s = measured payments over the wall time from the first
 * card submitted to the last mail at the sink (floor: first UPDATE to paid to
 * the last mail); latency per payment = its mail at the sink − its notification;
 * the stages from the payment's events; each process's CPU per payment. Checks,
 * after a short settle: every payment paid with exactly one document (invoices
 * with source `payment:<id>`) and exactly one email to its customer, carrying
 * the message the payment recorded as its receipt. A failed check, a timeout
 * or a process dying fails the run (exit 1) after the other backend has run;
 * a customer's request unanswered after 30 s is a stuck app: the run fails
 * with the payments' states and the app's database sessions printed.
 *
 * Env: BENCH_PAYMENTS_TOTAL (300 per backend), BENCH_PAYMENTS_WARMUP (20, not
 * counted), BENCH_PAYMENTS_CONCURRENCY (20), BENCH_PAYMENTS_BACKENDS
 * (postgres,redis), BENCH_PAYMENTS_TIMEOUT_MS (180000: the wait for the mails
 * after the last card), BENCH_REDIS_URL (redis://127.0.0.1:6379),
 * BENCH_APP_STDOUT=1 (the app's console log on this process's stdout).
 */
const TOTAL = Number(process.env.BENCH_PAYMENTS_TOTAL ?? 300);
const WARMUP = Number(process.env.BENCH_PAYMENTS_WARMUP ?? 20);
const CONCURRENCY = Number(process.env.BENCH_PAYMENTS_CONCURRENCY ?? 20);
const BACKENDS = (process.env.BENCH_PAYMENTS_BACKENDS ?? 'postgres,redis').split(',') as Backend[];
const TIMEOUT_MS = Number(process.env.BENCH_PAYMENTS_TIMEOUT_MS ?? 180_000);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** A customer's request that takes longer has failed the run (the app is stuck). */
const REQUEST_TIMEOUT_MS = 30_000;
/** After the last expected mail: time for a duplicate to show up before the checks. */
const SETTLE_MS = 1_500;
const SECRET = 'bench-secret-that-is-long-enough-0123456789';
const APPROVE = '4580000000000000';
const ISSUER = { legalName: 'סטודיו דנה בע"מ', taxId: '515555555', address: 'רחוב הרצל 1, תל אביב', phone: '03-5551234' };
const SURNAMES = ['כהן', 'לוי', 'מזרחי', 'פרץ', 'ביטון', 'אברהם', 'פרידמן', 'אזולאי', 'דהן', 'אוחיון'];

type Backend = 'postgres' | 'redis';
const LABEL: Record<Backend, string> = { postgres: 'PostgreSQL', redis: 'Redis' };

const out = (s: string) => process.stdout.write(`${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ascending = (values: number[]) => [...values].sort((a, b) => a - b);

class BenchFailure extends Error {}

// ---------------------------------------------------------------------------------------------- processes

// ---------------------------------------------------------------------------------------------- figures

/** Mails by recipient (lower case). */
function byRecipient(mails: SinkMail[]): Map<string, SinkMail[]> {
  const map = new Map<string, SinkMail[]>();
  for (const m of mails) for (const to of m.to) map.set(to, [...(map.get(to) ?? []), m]);
  return map;
}

interface Timed {
  /** Payments/s: count over first notification → last mail. */
  rate: number;
  seconds: number;
  p50: number;
  p99: number;
  latencies: number[];
}

function timing(items: Array<{ notifiedAt: number; mailAt: number }>): Timed {
  const first = Math.min(...items.map((i) => i.notifiedAt));
  const last = Math.max(...items.map((i) => i.mailAt));
  const latencies = items.map((i) => i.mailAt - i.notifiedAt);
  const seconds = (last - first) / 1000;
  return {
    rate: items.length / seconds,
    seconds,
    p50: percentile(ascending(latencies), 50),
    p99: percentile(ascending(latencies), 99),
    latencies,
  };
}

/** Runs `count` tasks, CONCURRENCY at a time (the customers). */
async function concurrently<T>(count: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  let failed = false;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count && !failed) {
        const i = next++;
        results[i] = await task(i).catch((err: unknown) => {
          failed = true;
          throw err;
        });
      }
    }),
  );
  return results;
}

async function until<T>(what: string, deadline: number, probe: () => Promise<T | undefined>, everyMs = 200): Promise<T> {
  for (;;) {
    const got = await probe();
    if (got !== undefined) return got;
    if (Date.now() > deadline) throw new BenchFailure(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

// ---------------------------------------------------------------------------------------------- the floor

interface FloorResult extends Timed {
  cpuMsPerPayment: number;
  mails: number;
  duplicates: number;
  missing: number;
}

async function floorRun(databaseUrl: string, sink: ChildProcess, sinkPort: number): Promise<FloorResult> {
  const { proc } = await forkHelper<'ready'>('payments-floor.js', {
    BENCH_FLOOR_DATABASE_URL: databaseUrl,
    BENCH_FLOOR_SMTP_PORT: String(sinkPort),
    BENCH_FLOOR_CONCURRENCY: String(CONCURRENCY),
  });
  try {
    await ask(proc, { run: WARMUP, from: 0 });
    await ask(sink, 'reset');
    const cpu0 = cpuSeconds(proc.pid);
    const { payments } = await ask<{ payments: Array<{ email: string; notifiedAt: number }> }>(proc, { run: TOTAL, from: WARMUP });
    const cpu = cpuSeconds(proc.pid) - cpu0;
    // Every mail was taken by the sink before its send resolved.
    const { mails } = await ask<{ mails: SinkMail[] }>(sink, 'mails');
    const to = byRecipient(mails);
    const items: Array<{ notifiedAt: number; mailAt: number }> = [];
    let missing = 0;
    let duplicates = 0;
    for (const p of payments) {
      const got = to.get(p.email) ?? [];
      if (!got.length) missing++;
      else items.push({ notifiedAt: p.notifiedAt, mailAt: got[0].at });
      duplicates += Math.max(0, got.length - 1);
    }
    return { ...timing(items), cpuMsPerPayment: (cpu / TOTAL) * 1000, mails: mails.length, duplicates, missing };
  } finally {
    await stopHelper(proc);
  }
}

// ---------------------------------------------------------------------------------------------- the app

interface Paid {
  paymentId: string;
  email: string;
  createMs: number;
  notifiedAt: number;
  submitMs: number;
}

interface AppResult extends Timed {
  cpuMsPerPayment: number;
  createP50: number;
  submitP50: number;
  stages: Array<{ label: string; p50: number; p99: number }>;
  /** Each step's rate over the measured payments: its events, first to last. */
  stepRates: Array<{ type: string; rate: number }>;
  counts: { paid: number; documents: number; emails: number; receipts: number };
  problems: string[];
}

async function appRun(
  backend: Backend,
  db: { url: string },
  dataDir: string,
  prefix: string | undefined,
  sink: ChildProcess,
  sinkPort: number,
): Promise<AppResult> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['REDIS_URL', 'QUEUE_DRIVER', 'QUEUE_PREFIX', 'RATE_LIMIT_STORE', 'MONGODB_URI', 'DOCUMENT_STREAM_DRIVER', 'APP_ROLE'])
    delete env[name];
  Object.assign(env, {
    NODE_ENV: 'production',
    APP_ROLE: 'all',
    PORT: String(port),
    PUBLIC_URL: base,
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    LOG_DIR: join(dataDir, 'logs'),
    LOG_LEVEL: 'info',
    JWT_SECRET: SECRET,
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    // On, but high enough not to refuse the benchmark's requests.
    RATE_LIMIT_MAX: '100000000',
    RATE_LIMIT_STORE: 'memory',
    BCRYPT_ROUNDS: '4',
    PAYMENT_PROVIDER: 'sandbox',
    EMAIL_DRIVER: 'smtp',
    // As many pooled SMTP connections as the email worker runs jobs at once (as in bench:notify).
    SMTP_URL: `smtp://127.0.0.1:${sinkPort}/?maxConnections=${EMAIL_CONCURRENCY}`,
    // The limiter protects a provider account; the sink needs no protection.
    EMAIL_MAX_PER_SECOND: '1000000',
    QUEUE_DRIVER: backend,
    ...(backend === 'redis' ? { REDIS_URL, QUEUE_PREFIX: prefix } : {}),
  });
  const app = spawn(process.execPath, [join(__dirname, '..', 'src', 'main.js')], {
    env,
    stdio: ['ignore', process.env.BENCH_APP_STDOUT ? 'inherit' : 'ignore', 'inherit'],
  });
  running.add(app);
  const pg = new Client({ connectionString: db.url });
  pg.on('error', () => undefined); // dropped with the scratch database when interrupted
  await pg.connect();
  try {
    for (let i = 0; ; i++) {
      if (app.exitCode !== null) throw new BenchFailure(`the app exited with ${app.exitCode} at boot`);
      const up = await fetch(`${base}/health/live`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (i > 600) throw new BenchFailure('the app did not answer /health/live within 60 s');
      await sleep(100);
    }
    const call = async (method: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
      if (app.exitCode !== null) throw new BenchFailure(`the app exited with ${app.exitCode}`);
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      }).catch((err: Error) => {
        throw new BenchFailure(`${method} ${path}: ${err.message}${err.cause ? ` (${String(err.cause)})` : ''}`);
      });
      if (res.status >= 300) throw new BenchFailure(`${method} ${path} answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as Record<string, string>;
    };

    const reg = await call('POST', '/api/auth/register', {
      email: `owner-${randomBytes(4).toString('hex')}@example.co.il`,
      password: 'Sh4lom-Olam-2026',
      name: 'דנה לוי',
      businessName: 'סטודיו דנה',
    });
    const auth = { authorization: `Bearer ${reg.accessToken}` };
    await call('PATCH', '/api/invoices/settings', ISSUER, auth);
    const customers = await concurrently(WARMUP + TOTAL, async (i) => {
      const email = `payer-${i}@example.co.il`;
      const c = await call('POST', '/api/customers', { firstName: 'נועה', lastName: SURNAMES[i % SURNAMES.length], email }, auth);
      return { id: c.id, email };
    });

    /** One customer's payment: the business creates it, the payer submits the approving card on the sandbox page. */
    const pay = async (i: number): Promise<Paid> => {
      const t0 = Date.now();
      const created = await call(
        'POST',
        '/api/payments',
        {
          customerId: customers[i].id,
          amount: 12_000,
          description: 'שיעור יוגה',
          successUrl: 'https://shop.example.co.il/ok',
          failureUrl: 'https://shop.example.co.il/no',
        },
        { ...auth, 'idempotency-key': randomUUID() },
      );
      const notifiedAt = Date.now();
      const res = await fetch(created.pageUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ cardNumber: APPROVE }).toString(),
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      }).catch((err: Error) => {
        throw new BenchFailure(`POST ${created.pageUrl}: ${err.message}${err.cause ? ` (${String(err.cause)})` : ''}`);
      });
      await res.arrayBuffer();
      if (res.status !== 303 || res.headers.get('location') !== 'https://shop.example.co.il/ok')
        throw new BenchFailure(`the sandbox page answered ${res.status} (${res.headers.get('location')}) for payment ${created.id}`);
      return { paymentId: created.id, email: customers[i].email, createMs: notifiedAt - t0, notifiedAt, submitMs: Date.now() - notifiedAt };
    };
    const mailed = (emails: string[], deadline: number) =>
      until(`the mails of ${emails.length} payments at the SMTP sink`, deadline, async () => {
        if (app.exitCode !== null) throw new BenchFailure(`the app exited with ${app.exitCode}`);
        const { mails } = await ask<{ mails: SinkMail[] }>(sink, 'mails');
        const to = byRecipient(mails);
        return emails.every((e) => to.has(e)) ? mails : undefined;
      });
    const withDiagnostics = async <T>(work: Promise<T>): Promise<T> => {
      try {
        return await work;
      } catch (err) {
        if (err instanceof BenchFailure) {
          const { rows } = await pg.query(
            `SELECT status, review_reason, count(*)::int AS n, count(invoice_id)::int AS documents, count(receipt_message_id)::int AS receipts
               FROM payments GROUP BY 1, 2 ORDER BY 1, 2`,
          );
          out(`  payments now: ${JSON.stringify(rows)}`);
          const { rows: sessions } = await pg.query(
            `SELECT state, wait_event, left(regexp_replace(query, '\\s+', ' ', 'g'), 60) AS query, count(*)::int AS n
               FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'chatgrow'
              GROUP BY 1, 2, 3 ORDER BY n DESC`,
          );
          out(`  the app's database sessions now: ${JSON.stringify(sessions)}`);
        }
        throw err;
      }
    };

    await ask(sink, 'reset');
    const warm = await withDiagnostics(concurrently(WARMUP, pay));
    await withDiagnostics(
      mailed(
        warm.map((p) => p.email),
        Date.now() + TIMEOUT_MS,
      ),
    );

    const cpu0 = cpuSeconds(app.pid);
    const paid = await withDiagnostics(concurrently(TOTAL, (i) => pay(WARMUP + i)));
    await withDiagnostics(
      mailed(
        paid.map((p) => p.email),
        Date.now() + TIMEOUT_MS,
      ),
    );
    const cpu = cpuSeconds(app.pid) - cpu0;
    await sleep(SETTLE_MS);
    const all = (await ask<{ mails: SinkMail[] }>(sink, 'mails')).mails;
    const to = byRecipient(all);

    // The database's side: every payment, its document and its receipt message; its events.
    const ids = [...warm, ...paid].map((p) => p.paymentId);
    const { rows: payments } = await pg.query<{ id: string; status: string; invoice_id: string | null; receipt_message_id: string | null }>(
      `SELECT id, status, invoice_id, receipt_message_id FROM payments WHERE id = ANY($1)`,
      [ids],
    );
    const { rows: docs } = await pg.query<{ source: string; n: number }>(
      `SELECT source, count(*)::int AS n FROM invoices WHERE source LIKE 'payment:%' GROUP BY source`,
    );
    const { rows: events } = await pg.query<{ payment_id: string; type: string; at: Date }>(
      `SELECT payment_id, type, created_at AS at FROM payment_events WHERE payment_id = ANY($1) ORDER BY created_at`,
      [paid.map((p) => p.paymentId)],
    );

    const problems: string[] = [];
    const byId = new Map(payments.map((p) => [p.id, p]));
    const docsBySource = new Map(docs.map((d) => [d.source, d.n]));
    for (const p of [...warm, ...paid]) {
      const row = byId.get(p.paymentId);
      const got = to.get(p.email) ?? [];
      const ndocs = docsBySource.get(`payment:${p.paymentId}`) ?? 0;
      if (!row) problems.push(`payment ${p.paymentId}: not in the database`);
      else if (row.status !== 'paid') problems.push(`payment ${p.paymentId}: ${row.status}, not paid`);
      if (ndocs !== 1) problems.push(`payment ${p.paymentId}: ${ndocs} documents`);
      if (got.length !== 1) problems.push(`payment ${p.paymentId}: ${got.length} emails to ${p.email}`);
      else if (row && got[0].messageId !== row.receipt_message_id)
        problems.push(`payment ${p.paymentId}: the mail is message ${got[0].messageId}, the payment recorded ${row.receipt_message_id}`);
    }
    const expected = new Set([...warm, ...paid].map((p) => p.email));
    const strays = all.filter((m) => !m.to.some((t) => expected.has(t)));
    if (strays.length) problems.push(`${strays.length} mails to no payer of this run: ${strays[0].to.join(', ')}…`);
    if (docs.length !== ids.length) problems.push(`${docs.length} payment documents for ${ids.length} payments`);

    const atOf = new Map<string, Map<string, number>>();
    for (const e of events) {
      const m = atOf.get(e.payment_id) ?? new Map<string, number>();
      if (!m.has(e.type)) m.set(e.type, e.at.getTime());
      atOf.set(e.payment_id, m);
    }
    const stage = (label: string, from: (p: Paid) => number | undefined, toAt: (p: Paid) => number | undefined) => {
      const values = paid
        .map((p) => [from(p), toAt(p)] as const)
        .filter((v): v is [number, number] => v[0] !== undefined && v[1] !== undefined);
      return {
        label,
        p50: percentile(ascending(values.map(([a, b]) => b - a)), 50),
        p99: percentile(ascending(values.map(([a, b]) => b - a)), 99),
      };
    };
    const ev = (type: string) => (p: Paid) => atOf.get(p.paymentId)?.get(type);
    const mailAt = (p: Paid) => to.get(p.email)?.[0]?.at;
    return {
      ...timing(paid.map((p) => ({ notifiedAt: p.notifiedAt, mailAt: mailAt(p)! }))),
      cpuMsPerPayment: (cpu / TOTAL) * 1000,
      createP50: percentile(ascending(paid.map((p) => p.createMs)), 50),
      submitP50: percentile(ascending(paid.map((p) => p.submitMs)), 50),
      stages: [
        stage('card submitted → paid', (p) => p.notifiedAt, ev('paid')),
        stage('paid → document issued', ev('paid'), ev('document_issued')),
        stage('document issued → receipt sent', ev('document_issued'), ev('receipt_sent')),
        stage('receipt sent → mail at the sink', ev('receipt_sent'), mailAt),
      ],
      stepRates: ['paid', 'document_issued', 'receipt_sent'].map((type) => {
        const at = paid.map(ev(type)).filter((t): t is number => t !== undefined);
        return { type, rate: (at.length - 1) / ((Math.max(...at) - Math.min(...at)) / 1000) };
      }),
      counts: {
        paid: payments.filter((p) => p.status === 'paid').length,
        documents: docs.reduce((s, d) => s + d.n, 0),
        emails: all.length,
        receipts: payments.filter((p) => p.receipt_message_id).length,
      },
      problems,
    };
  } finally {
    await pg.end();
    await stopProcess(app);
    running.delete(app);
  }
}

// ---------------------------------------------------------------------------------------------- a backend

async function run(backend: Backend): Promise<boolean> {
  const db = await scratchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'chatgrow-bench-payments-'));
  const prefix = backend === 'redis' ? `bench-pay-${randomBytes(4).toString('hex')}` : undefined;
  onInterrupt = async () => {
    for (const p of running) p.kill('SIGKILL');
    if (prefix) await dropRedisKeys(REDIS_URL, prefix);
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const sink = await forkHelper<{ port: number }>('smtp-sink.js', {});
  try {
    out(
      `\n${LABEL[backend]} queue backend: ${TOTAL} payments through the whole pipeline (sandbox notification → paid → invoice-receipt → email at the SMTP sink), ` +
        `${CONCURRENCY} concurrent customers, after ${WARMUP} to warm up`,
    );
    const floor = await floorRun(db.url, sink.proc, sink.first.port);
    await ask(sink.proc, 'reset');
    const app = await appRun(backend, db, dataDir, prefix, sink.proc, sink.first.port);

    const row = (label: string, r: Timed, cpu: number) =>
      out(
        `${label.padEnd(70)}${r.rate.toFixed(1).padStart(11)}${r.p50.toFixed(0).padStart(8)}${r.p99.toFixed(0).padStart(8)}` +
          `${r.seconds.toFixed(1).padStart(9)}${cpu.toFixed(1).padStart(10)}`,
      );
    out(
      `${'target'.padEnd(70)}${'payments/s'.padStart(11)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'seconds'.padStart(9)}${'CPU ms/p'.padStart(10)}`,
    );
    row('floor: INSERT, UPDATE paid, PDFKit page, Nodemailer → sink (own process)', floor, floor.cpuMsPerPayment);
    row(`ChatGrow (${LABEL[backend]} queue): notification → paid → document → mail at the sink`, app, app.cpuMsPerPayment);
    out(
      `ratio app/floor: throughput ${(app.rate / floor.rate).toFixed(2)}×, p50 latency ${(app.p50 / floor.p50).toFixed(1)}×, ` +
        `p99 latency ${(app.p99 / floor.p99).toFixed(1)}×, CPU per payment ${(app.cpuMsPerPayment / floor.cpuMsPerPayment).toFixed(1)}× ` +
        `(the app's CPU: its one process, API and workers; PostgreSQL${backend === 'redis' ? ' and Redis' : ''} not counted on either side)`,
    );
    out(
      `  the customers saw: POST /api/payments p50 ${app.createP50.toFixed(0)} ms, card submitted → 303 p50 ${app.submitP50.toFixed(0)} ms`,
    );
    out(`  stages (p50 / p99 ms): ${app.stages.map((s) => `${s.label} ${s.p50.toFixed(0)} / ${s.p99.toFixed(0)}`).join('; ')}`);
    out(`  each step's rate, first to last event (/s): ${app.stepRates.map((r) => `${r.type} ${r.rate.toFixed(1)}`).join(', ')}`);
    const n = WARMUP + TOTAL;
    out(
      `  app, warm-up included (${n} payments): ${app.counts.paid} paid, ${app.counts.documents} documents (invoices with source payment:*), ` +
        `${app.counts.receipts} receipt messages recorded, ${app.counts.emails} emails at the sink`,
    );
    out(`  floor: ${floor.mails} emails for ${TOTAL} payments, ${floor.duplicates} duplicates, ${floor.missing} missing`);
    const problems = [...app.problems];
    if (floor.missing || floor.duplicates) problems.push(`the floor: ${floor.missing} missing, ${floor.duplicates} duplicate mails`);
    if (problems.length) {
      out(`  FAILED: ${problems.length} problems`);
      for (const p of problems.slice(0, 20)) out(`    ${p}`);
      return false;
    }
    out('  checks: every payment paid, with exactly one document and exactly one email carrying its receipt message: ok');
    return true;
  } catch (err) {
    out(`  FAILED: ${(err as Error).message}`);
    if (!(err instanceof BenchFailure)) process.stderr.write(`${(err as Error).stack}\n`);
    return false;
  } finally {
    onInterrupt = undefined;
    await stopHelper(sink.proc);
    if (prefix) await dropRedisKeys(REDIS_URL, prefix);
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The app processes running now, killed if this process is interrupted. */
const running = new Set<ChildProcess>();
/** What an interrupted run leaves to undo: the app, its scratch database, its Redis keys, its folder. */
let onInterrupt: (() => Promise<void>) | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void (onInterrupt?.() ?? Promise.resolve()).finally(() => process.exit(130)));

async function main(): Promise<void> {
  let ok = true;
  for (const backend of BACKENDS) ok = (await run(backend)) && ok;
  if (!ok) {
    out('\nbench:payments FAILED (see above)');
    process.exit(1);
  }
}

void main().catch((err: Error) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
