import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { createTestDatabase } from '../support/database';
import { freePort, runBuiltScript, startBuiltApp, waitForStatus, type RunningApp } from '../support/process';

const JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
/** A database nothing listens on: a seed given it can only succeed through a running API. */
const NO_DATABASE = 'postgres://postgres@127.0.0.1:1/none';

const DEMO = {
  owner: 'מיכל אברהם',
  business: 'סלון מיכל',
  customers: ['אבי פרץ', 'דנה כהן', 'יוסי לוי', 'רונית מזרחי', 'שירה ביטון'],
  services: ['צבע שורש', 'תספורת נשים'],
  // This month: 4 paid payments (₪730), one partly refunded (₪70); the 5 customers; 3 registrations.
  thisMonth: { payments: 4, revenueAgorot: 66_000, refundedAgorot: 7_000, newCustomers: 5, registrations: 3 },
  // Last month: 6 past appointments entered by staff, one of them cancelled.
  lastMonth: { bookings: 5, cancelledBookings: 1 },
};

async function stopApp(app: RunningApp): Promise<void> {
  if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGTERM');
  const killer = setTimeout(() => app.child.kill('SIGKILL'), 20_000);
  await app.exited;
  clearTimeout(killer);
}

/** Logs in through the app at `base` with the login the seed printed, and reads the demo business back. */
async function readDemo(base: string, seedOutput: string): Promise<typeof DEMO> {
  const email = /email:\s+(\S+)/.exec(seedOutput)?.[1];
  const password = /password:\s+(\S+)/.exec(seedOutput)?.[1];
  assert.ok(email && password, `no login printed:\n${seedOutput}`);
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(login.status, 200, await login.clone().text());
  const session = (await login.json()) as { accessToken: string; user: { name: string } };
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${base}/api${path}`, { headers: { Authorization: `Bearer ${session.accessToken}` } });
    assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
    return (await res.json()) as T;
  };
  type Page<T> = { data: T[]; meta: { total: number } };
  const business = await get<{ name: string }>('/business');
  const customers = await get<Page<{ firstName: string; lastName: string }>>('/customers?limit=100');
  const services = await get<Page<{ name: string }>>('/services?limit=100');
  assert.equal(customers.meta.total, customers.data.length);
  type Figures = Record<string, number>;
  const stats = async (query: string) => {
    const res = await fetch(`${base}/provider/stats?${query}`, { headers: { Authorization: `Bearer ${session.accessToken}` } });
    assert.equal(res.status, 200, await res.clone().text());
    return (await res.json()) as { totals: Figures; series: Figures[] };
  };
  const month = DateTime.now().setZone('Asia/Jerusalem').startOf('month');
  const thisMonth = (await stats('')).totals;
  const lastMonth = (await stats(`from=${month.minus({ months: 1 }).toISODate()}`)).totals;
  assert.ok(thisMonth.messages > 0, 'messages were written this month');
  return {
    owner: session.user.name,
    business: business.name,
    customers: customers.data.map((c) => `${c.firstName} ${c.lastName}`).sort(),
    services: services.data.map((s) => s.name).sort(),
    thisMonth: pick(thisMonth, DEMO.thisMonth),
    lastMonth: pick(lastMonth, DEMO.lastMonth),
  };
}

/** The figures of `totals` that `like` names. */
const pick = <T extends Record<string, number>>(totals: Record<string, number>, like: T): T =>
  Object.fromEntries(Object.keys(like).map((k) => [k, totals[k]])) as T;

describe('npm run seed:demo', () => {
  const root = mkdtempSync(join(tmpdir(), 'chatgrow-seed-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const dirFor = (name: string) => mkdtempSync(join(root, `${name}-`));

  it('seeds through the app running at PUBLIC_URL, and a second run changes nothing', async () => {
    const db = await createTestDatabase();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = { DATABASE_URL: db.url, PORT: String(port), PUBLIC_URL: base, JWT_SECRET, BCRYPT_ROUNDS: '4', LOG_LEVEL: 'warn' };
    const app = startBuiltApp({ ...env, DATA_DIR: dirFor('app') });
    try {
      await waitForStatus(`${base}/health/ready`, 200, app);
      const seedEnv = { ...env, DATABASE_URL: NO_DATABASE, DATA_DIR: dirFor('seed') };

      const first = await runBuiltScript('seed-demo', seedEnv, { cwd: root });
      assert.equal(first.code, 0, first.output);
      assert.match(first.output, new RegExp(`Seeding through the running API at ${base}\n`));
      assert.match(first.output, /Seeded: 1 business/);
      assert.deepEqual(await readDemo(base, first.output), DEMO);

      const second = await runBuiltScript('seed-demo', seedEnv, { cwd: root });
      assert.equal(second.code, 0, second.output);
      assert.match(second.output, /Seeding through the running API at .*\nThe demo business exists already\./);
      assert.doesNotMatch(second.output, /Seeded:/);
      assert.deepEqual(await readDemo(base, second.output), DEMO, 'no duplicates after a second run');
    } finally {
      await stopApp(app);
      await db.drop();
    }
  });

  it('starts the app itself on DATABASE_URL when nothing answers at PUBLIC_URL', async () => {
    const db = await createTestDatabase();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = { DATABASE_URL: db.url, PORT: String(port), PUBLIC_URL: base, JWT_SECRET, BCRYPT_ROUNDS: '4', LOG_LEVEL: 'warn' };
    try {
      const seeded = await runBuiltScript('seed-demo', { ...env, DATA_DIR: dirFor('seed') }, { cwd: root });
      assert.equal(seeded.code, 0, seeded.output);
      assert.match(seeded.output, new RegExp(`No API at ${base} \\(ECONNREFUSED\\): starting the app to seed\n`));
      assert.match(seeded.output, /Seeded: 1 business/);

      const app = startBuiltApp({ ...env, DATA_DIR: dirFor('app') });
      try {
        await waitForStatus(`${base}/health/ready`, 200, app);
        assert.deepEqual(await readDemo(base, seeded.output), DEMO);
      } finally {
        await stopApp(app);
      }
    } finally {
      await db.drop();
    }
  });

  it('refuses to seed through a server at PUBLIC_URL that is not ChatGrow', async () => {
    // The hardest stranger: another Nest app with Terminus answers /health/live exactly like ChatGrow.
    const requests: string[] = [];
    const stranger = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      const live = req.url === '/health/live';
      res.writeHead(live ? 200 : 404, { 'content-type': 'application/json' });
      res.end(live ? JSON.stringify({ status: 'ok', info: {}, error: {}, details: {} }) : '{"message":"Not Found"}');
    });
    await new Promise<void>((ok) => stranger.listen(0, '127.0.0.1', ok));
    try {
      const base = `http://127.0.0.1:${(stranger.address() as AddressInfo).port}`;
      const seeded = await runBuiltScript(
        'seed-demo',
        { DATABASE_URL: NO_DATABASE, PUBLIC_URL: base, JWT_SECRET, DATA_DIR: dirFor('stranger') },
        { cwd: root },
      );
      assert.equal(seeded.code, 1, seeded.output);
      assert.match(
        seeded.output,
        new RegExp(`Something other than the ChatGrow API answers at ${base} \\(GET /docs-json has no OpenAPI document`),
      );
      assert.doesNotMatch(seeded.output, /starting the app/);
      assert.deepEqual(requests, ['GET /health/live', 'GET /docs-json'], 'nothing but the probe reached it');
    } finally {
      await new Promise((ok) => stranger.close(ok));
    }
  });
});
