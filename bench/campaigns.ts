import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createApp, shutdownApp } from '../src/app.factory';
import { validateEnv } from '../src/infra/config/validate-env';
import { EMAIL_CONCURRENCY } from '../src/infra/queue/job-worker.host';
import type { AudienceRule } from '../src/modules/customers/audience/audience-rule';
import { CustomerAudienceService } from '../src/modules/customers/customer-audience.service';
import { notifyEnv } from './notify-env';
import { ask, forkHelper, stopHelper } from './processes';
import type { SinkStats } from './smtp-sink';
import { dropRedisKeys, percentile, scratchDatabase } from './support';

/**
 * `npm run bench:campaigns`:
 * 1. A segment over 100,000 customers of one business (inserted by SQL, with
 *    tags, spend, visits and consent spread over them): p50/p95 ms to count
 *    its members, to read the first page (20, newest first) and one keyset page
 *    of 500 ids (what a campaign batch reads), against the floor of a bare
 *    `count(*)` of the business's customers with no rule.
 * 2. A campaign of 10,000 emails end to end, on the PostgreSQL queue backend
 *    and on Redis: scheduled now over HTTP (the API in this process), fanned
 *    out in batches and sent by the app's worker in its own process
 *    (APP_ROLE=worker, real `smtp` driver) to the SMTP sink in a third process,
 *    until the 10,000th mail is at the sink and recorded `sent`. Floor in the
 *    same run: the same number of mails sent straight to the same sink by
 *    Nodemailer with the same pool size, in a process of its own (no queue,
 *    no database): the rate the wire and the sink allow.
 */
const SEGMENT_CUSTOMERS = Number(process.env.BENCH_CAMPAIGN_SEGMENT_CUSTOMERS ?? 100_000);
const EMAILS = Number(process.env.BENCH_CAMPAIGN_EMAILS ?? 10_000);
const RUNS = Number(process.env.BENCH_CAMPAIGN_RUNS ?? 30);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const BACKENDS = (process.env.BENCH_CAMPAIGN_BACKENDS ?? 'postgres,redis').split(',') as Backend[];
const TIMEOUT_MS = 10 * 60_000;

type Backend = 'postgres' | 'redis';
const LABEL: Record<Backend, string> = { postgres: 'PostgreSQL', redis: 'Redis' };
const out = (s: string) => process.stdout.write(`${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (n: number) => n.toLocaleString('en-US');

/** Members: consenting to email, and VIP or spent over ₪500, and seen in the last year. About a fifth of the customers. */
const RULE: AudienceRule = {
  match: 'all',
  rules: [
    { field: 'emailConsent', operator: '=', value: true },
    {
      match: 'any',
      rules: [
        { field: 'tags', operator: 'contains', value: 'vip' },
        { field: 'totalSpendAgorot', operator: '>', value: 50_000 },
      ],
    },
    { field: 'daysSinceLastActivity', operator: '<', value: 365 },
  ],
};

async function insertCustomers(pg: Client, businessId: string, count: number, tag: string, allConsent: boolean): Promise<void> {
  await pg.query(
    `INSERT INTO customers (business_id, first_name, last_name, email, tags, email_consent, total_spend_agorot, visit_count,
                            last_activity_at, last_visit_at, search_text, created_at)
     SELECT $1, 'נועה', (ARRAY['כהן','לוי','מזרחי','פרץ','ביטון'])[1 + i % 5], $2 || '-' || i || '@example.co.il',
            CASE WHEN i % 10 = 0 THEN ARRAY[$2, 'vip'] ELSE ARRAY[$2] END,
            $4 OR i % 3 <> 0, (i * 7919) % 120000, i % 13,
            now() - make_interval(days => (i * 31) % 700), now() - make_interval(days => (i * 31) % 700), '',
            now() - make_interval(mins => i)
     FROM generate_series(1, $3) AS i`,
    [businessId, tag, count, allConsent],
  );
  await pg.query('ANALYZE customers');
}

async function timed(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
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

/** The app in the API role in this process, with a registered business; `post`/`get` over HTTP. */
async function apiApp(env: Record<string, string>) {
  const app = await createApp(validateEnv({ ...notifyEnv(env), APP_ROLE: 'api' }), { logs: false });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  let auth: Record<string, string> = {};
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...auth },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };
  const reg = await call('POST', '/api/auth/register', {
    email: `campaigns-${Date.now()}@example.co.il`,
    password: 'Sh4lom-Olam-2026',
    name: 'דנה לוי',
    businessName: 'סטודיו דנה',
  });
  auth = { authorization: `Bearer ${String(reg.accessToken)}` };
  return { app, call, businessId: String(reg.businessId) };
}

async function segmentBench(): Promise<void> {
  const db = await scratchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'chatgrow-bench-campaigns-'));
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  const { app, businessId } = await apiApp({ BENCH_DATABASE_URL: db.url, BENCH_DATA_DIR: dataDir, BENCH_SMTP_URL: 'smtp://127.0.0.1:9' });
  try {
    const t0 = Date.now();
    await insertCustomers(pg, businessId, SEGMENT_CUSTOMERS, 'seg', false);
    const insertMs = Date.now() - t0;
    const audience = app.get(CustomerAudienceService, { strict: false });
    const members = await audience.count(businessId, RULE);
    const floor = await timed(RUNS, () =>
      pg.query('SELECT count(*) FROM customers WHERE business_id = $1 AND archived_at IS NULL', [businessId]),
    );
    const count = await timed(RUNS, () => audience.count(businessId, RULE));
    const page = await timed(RUNS, () => audience.page(businessId, RULE, { offset: 0, limit: 20 }));
    const deep = await timed(RUNS, () => audience.page(businessId, RULE, { offset: 10_000, limit: 20 }));
    const firstIds = await audience.idsAfter(businessId, RULE, null, 500);
    const mid = firstIds[firstIds.length - 1];
    const keyset = await timed(RUNS, () => audience.idsAfter(businessId, RULE, mid, 500));
    out(
      `\nSegment over ${fmt(SEGMENT_CUSTOMERS)} customers (inserted in ${(insertMs / 1000).toFixed(1)} s): ${fmt(members)} members; ${RUNS} runs each, after one to warm up`,
    );
    out(`${'query'.padEnd(64)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}`);
    const row = (label: string, r: { p50: number; p95: number }) =>
      out(`${label.padEnd(64)}${r.p50.toFixed(1).padStart(9)}${r.p95.toFixed(1).padStart(9)}`);
    row('floor: bare count(*) of the business’s live customers (no rule)', floor);
    row('count the segment (CustomerAudienceService.count)', count);
    row('first page of 20 members, newest first', page);
    row('page of 20 at offset 10,000', deep);
    row('keyset page of 500 member ids (one campaign batch reads this)', keyset);
  } finally {
    await pg.end();
    await shutdownApp(app);
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function campaignBench(backend: Backend): Promise<void> {
  const db = await scratchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'chatgrow-bench-campaigns-'));
  const prefix = backend === 'redis' ? `bench-campaigns-${randomBytes(4).toString('hex')}` : undefined;
  const sink = await forkHelper<{ port: number }>('smtp-sink.js', {});
  const env: Record<string, string> = {
    BENCH_DATABASE_URL: db.url,
    BENCH_DATA_DIR: dataDir,
    BENCH_SMTP_URL: `smtp://127.0.0.1:${sink.first.port}/?maxConnections=${EMAIL_CONCURRENCY}`,
    ...(prefix ? { BENCH_REDIS_URL: REDIS_URL, BENCH_QUEUE_PREFIX: prefix } : {}),
  };
  onInterrupt = async () => {
    if (prefix) await dropRedisKeys(REDIS_URL, prefix);
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const pg = new Client({ connectionString: db.url });
  await pg.connect();
  const blaster = await forkHelper<'ready'>('smtp-blast.js', env);
  const { proc: worker } = await forkHelper<'ready'>('notify-worker.js', env);
  const { app, call, businessId } = await apiApp(env);
  try {
    // The floor: the same mails straight to the sink.
    await ask(sink.proc, 'reset');
    const floor = await ask<{ ms: number }>(blaster.proc, { count: EMAILS, concurrency: EMAIL_CONCURRENCY });
    await ask(sink.proc, 'reset');

    await insertCustomers(pg, businessId, EMAILS, 'camp', true);
    const segment = await call('POST', '/api/segments', {
      name: 'כולם',
      rule: { match: 'all', rules: [{ field: 'tags', operator: 'contains', value: 'camp' }] },
    });
    const campaign = await call('POST', '/api/campaigns', {
      name: 'מבצע',
      channel: 'email',
      segmentId: segment.id,
      subject: '{{ customer.firstName }}, הנחה ב{{ business.name }}',
      body: 'שלום {{ customer.firstName }} {{ customer.lastName }}, השבוע 20% הנחה על כל הטיפולים ב{{ business.name }}.',
    });
    const id = String(campaign.id);
    const t0 = Date.now();
    await call('POST', `/api/campaigns/${id}/schedule`, {});
    const fannedOut = await until(
      'the fan-out to finish',
      async () => {
        const c = await call('GET', `/api/campaigns/${id}`);
        return c.status === 'sent' ? Date.now() : undefined;
      },
      50,
    );
    const mails = await until('the mails at the SMTP sink', async () => {
      const s = await ask<SinkStats>(sink.proc, 'stats');
      return s.count >= EMAILS ? s : undefined;
    });
    const stats = await until('the recipients `sent`', async () => {
      const s = await call('GET', `/api/campaigns/${id}/stats`);
      return Number(s.sent) + Number(s.failed) >= EMAILS ? s : undefined;
    });
    const doneMs = Date.now() - t0;
    const sinkMs = mails.last - t0;
    const rate = (ms: number) => EMAILS / (ms / 1000);
    out(
      `\nCampaign of ${fmt(EMAILS)} emails end to end, ${LABEL[backend]} queue backend (batches of 500, email worker concurrency ${EMAIL_CONCURRENCY}, ${EMAIL_CONCURRENCY} pooled SMTP connections; API, worker, sink and floor in separate processes)`,
    );
    out(`${'target'.padEnd(72)}${'msgs/s'.padStart(9)}${'seconds'.padStart(9)}`);
    const row = (label: string, ms: number) =>
      out(`${label.padEnd(72)}${rate(ms).toFixed(0).padStart(9)}${(ms / 1000).toFixed(1).padStart(9)}`);
    row('floor: Nodemailer straight to the same sink (no queue, no database)', floor.ms);
    row('campaign: schedule → every recipient written to the log and queued', fannedOut - t0);
    row('campaign: schedule → last mail at the SMTP sink', sinkMs);
    out(
      `  sink: ${fmt(mails.count)} mails, ${fmt(mails.distinct)} distinct messages, ${mails.count - mails.distinct} duplicates; ` +
        `stats: ${String(stats.sent)} sent, ${String(stats.failed)} failed, ${String(stats.suppressed)} suppressed; ` +
        `ratio ${(floor.ms / sinkMs).toFixed(2)}× of the floor (stats settled ${((doneMs - sinkMs) / 1000).toFixed(1)} s after the last mail)`,
    );
  } finally {
    onInterrupt = undefined;
    await pg.end();
    await shutdownApp(app);
    await stopHelper(worker);
    await stopHelper(blaster.proc);
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
  if (SEGMENT_CUSTOMERS > 0) await segmentBench();
  for (const backend of BACKENDS) await campaignBench(backend);
}

void main().catch((err: Error) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
