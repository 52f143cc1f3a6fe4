import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { printTable, scratchDatabase, type LoadResult } from './support';
import { cpuSeconds, freePort, stopProcess } from './processes';

/**
 * `npm run bench:http [-- --rounds N] [-- --only me|list|list-100k] [-- --profile]`
 *
 * Three parties, each in its own process, one after the other on the same
 * machine and database: the built app (`node dist/src/main.js`, production
 * pipeline: rate limit on, helmet, request ids, activity, logs at `info` to
 * the rotating file), a bare Express + pg server doing the same work
 * (bench/http-bare.ts), and autocannon (bench/http-load.ts). Routes:
 * GET /api/auth/me, GET /api/customers?limit=20 with 200 customers, and again
 * with 100,000 (with and without the total).
 */
const SECRET = 'bench-secret-that-is-long-enough-0123456789';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
/**
 * Each party is warmed up with the same load before it is measured, long
 * enough for V8 to have compiled the hot path (at this machine's rates the
 * app's CPU per request was still falling 10 s in: a measurement after 3 s
 * timed the JIT, not the requests). Both servers get the same warm-up.
 */
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 12);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const args = process.argv.slice(2);
const ROUNDS = Number(args[args.indexOf('--rounds') + 1] || 1) || 1;
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const PROFILE = args.includes('--profile');

interface Route {
  key: string;
  label: string;
  path: string;
  customers: number;
}
const ROUTES: Route[] = [
  { key: 'me', label: 'GET /api/auth/me', path: '/api/auth/me', customers: 200 },
  { key: 'list', label: 'GET /api/customers?limit=20 (200)', path: '/api/customers?limit=20', customers: 200 },
  { key: 'list-100k', label: 'GET /api/customers?limit=20 (100k)', path: '/api/customers?limit=20', customers: 100_000 },
  {
    key: 'list-100k-nototal',
    label: '…&total=false (100k)',
    path: '/api/customers?limit=20&total=false',
    customers: 100_000,
  },
];

/** `--profile`: a V8 CPU profile of each server, written to profiles/<party>.cpuprofile when it stops. */
function profileFlags(party: string): string[] {
  return PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${join(process.cwd(), 'profiles')}`, `--cpu-prof-name=${party}.cpuprofile`] : [];
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      const r = await fetch(url);
      if (r.status < 500) return;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

type Measured = Omit<LoadResult, 'label'> & { cpuUs: number };

/** One measured load, with the server's CPU time per request (robust to a busy machine, unlike req/s). */
async function measure(server: ChildProcess, url: string, token: string, seconds: number): Promise<Measured> {
  const before = cpuSeconds(server.pid);
  const r = await loadOnce(url, token, seconds);
  return { ...r, cpuUs: ((cpuSeconds(server.pid) - before) / Math.max(r.requests, 1)) * 1e6 };
}

async function loadOnce(url: string, token: string, seconds: number): Promise<Omit<LoadResult, 'label'>> {
  const child = spawn(process.execPath, [join(__dirname, 'http-load.js'), url, String(seconds), String(CONNECTIONS)], {
    env: { ...process.env, BENCH_TOKEN: token },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  await new Promise((r) => child.once('exit', r));
  return JSON.parse(out.trim()) as Omit<LoadResult, 'label'>;
}

async function seedCustomers(url: string, businessId: string, want: number): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM customers WHERE business_id = $1', [businessId]);
  const have = rows[0].n;
  if (want > have) {
    await c.query(
      `INSERT INTO customers (business_id, first_name, last_name, phone, email, tags, search_text, created_at, updated_at)
       SELECT $1, 'לקוח', 'מספר ' || g, '+9725' || lpad(g::text, 8, '0'), 'c' || g || '@example.co.il', '{vip}',
              'לקוח מספר ' || g, now() - g * interval '1 minute', now() - g * interval '1 minute'
         FROM generate_series($2::int + 1, $3::int) g`,
      [businessId, have, want],
    );
    // As autovacuum leaves a table at rest: statistics and the visibility map (index-only counts).
    await c.query('VACUUM ANALYZE customers');
  }
  await c.end();
}

async function main(): Promise<void> {
  const db = await scratchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'chatgrow-bench-'));
  const [appPort, barePort] = [await freePort(), await freePort()];
  const appEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    LOG_DIR: join(dataDir, 'logs'),
    LOG_LEVEL: 'info',
    JWT_SECRET: SECRET,
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    // On, but high enough not to refuse the benchmark's requests.
    RATE_LIMIT_MAX: '100000000',
    BCRYPT_ROUNDS: '4',
    APP_ROLE: 'api',
    PORT: String(appPort),
    PUBLIC_URL: `http://127.0.0.1:${appPort}`,
  };
  const app = spawn(
    process.execPath,
    [...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${join(process.cwd(), 'profiles')}`] : []), 'dist/src/main.js'],
    {
      env: appEnv,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const bare = spawn(process.execPath, [...profileFlags('bare'), join(__dirname, 'http-bare.js')], {
    env: { ...process.env, DATABASE_URL: db.url, JWT_SECRET: SECRET, PORT: String(barePort) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const appUrl = `http://127.0.0.1:${appPort}`;
  const bareUrl = `http://127.0.0.1:${barePort}`;
  try {
    await waitFor(`${appUrl}/health/live`, app);
    await waitFor(`${bareUrl}/api/auth/me`, bare);
    const reg = await fetch(`${appUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@example.co.il', password: 'Sh4lom-Olam-2026', name: 'בנץ׳', businessName: 'בנצ׳מרק' }),
    });
    const { accessToken, businessId } = (await reg.json()) as { accessToken: string; businessId: string };
    if (!accessToken) throw new Error(`register answered ${reg.status}`);

    const rows: LoadResult[] = [];
    const ratios: string[] = [];
    for (const route of ROUTES.filter((r) => !ONLY || r.key === ONLY)) {
      await seedCustomers(db.url, businessId, route.customers);
      const ours: Measured[] = [];
      const base: Measured[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        await loadOnce(`${appUrl}${route.path}`, accessToken, WARMUP);
        ours.push(await measure(app, `${appUrl}${route.path}`, accessToken, SECONDS));
        await loadOnce(`${bareUrl}${route.path}`, accessToken, WARMUP);
        base.push(await measure(bare, `${bareUrl}${route.path}`, accessToken, SECONDS));
      }
      // Each round pairs the two servers measured back to back; the round with the median ratio
      // is reported, so a drift of the machine between rounds does not pair a fast round of one
      // server with a slow round of the other.
      const { a, b } = medianPair(ours, base);
      rows.push({ label: `app  ${route.label}`, ...a }, { label: `bare ${route.label}`, ...b });
      ratios.push(
        `${route.label.padEnd(40)} throughput ${(a.rps / b.rps).toFixed(2)}x   p99 ${(a.p99 / Math.max(b.p99, 1)).toFixed(2)}x of bare   server CPU per request ${a.cpuUs.toFixed(0)} µs vs ${b.cpuUs.toFixed(0)} µs`,
      );
    }
    process.stdout.write(
      `\n${SECONDS}s per target after ${WARMUP}s warm-up, ${CONNECTIONS} connections, the round of median ratio of ${ROUNDS}; app, bare server and load generator in separate processes\n`,
    );
    printTable(rows);
    process.stdout.write(`\n${ratios.join('\n')}\n`);
  } finally {
    await Promise.all([stopProcess(app), stopProcess(bare)]);
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The round whose app/bare throughput ratio is the median of the rounds'. */
function medianPair(ours: Measured[], base: Measured[]): { a: Measured; b: Measured } {
  const pairs = ours.map((a, i) => ({ a, b: base[i] })).sort((x, y) => x.a.rps / x.b.rps - y.a.rps / y.b.rps);
  return pairs[Math.floor(pairs.length / 2)];
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
