import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumPath } from '../test/support/dashboard';
import { freePort, stopProcess } from './processes';
import { scratchDatabase } from './support';

/**
 * `npm run bench:dashboard [-- --runs N]`
 *
 * The dashboard's home page in Debian's Chromium (headless, playwright-core)
 * against the built app as its own process (`node dist/src/main.js`, API and
 * workers, on a scratch database) seeded by `seed:demo` (dist/scripts/seed-demo.js,
 * run as is against the app's URL). Each run is a fresh browser profile, already
 * signed in (the session in localStorage, as after a login), loading /dashboard
 * cold: first contentful paint, the API calls the page makes (how many, and their
 * summed and wall-clock time from Resource Timing), and when both charts are drawn
 * (the page's `chart-ready:*` performance marks). Medians over the runs, then the
 * built bundle's size with gzip (zlib, level 9) over dist/dashboard/assets.
 */
// Browser globals used inside page callbacks: this file compiles without the DOM library.
declare const localStorage: { setItem(key: string, value: string): void };
declare const performance: { getEntriesByName(name: string): { startTime: number }[]; getEntriesByType(type: string): unknown[] };

const SECRET = 'bench-secret-that-is-long-enough-0123456789';
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1] || 7) || 7;
const DEMO = { email: 'demo@chatgrow.co.il', password: 'Demo-Sal0n-2026' };
const ASSETS = join(__dirname, '../dashboard/assets');

interface Run {
  fcp: number;
  calls: number;
  callsMs: number;
  callsWallMs: number;
  chartsMs: number;
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

function run(cmd: string, argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${argv.join(' ')} exited with ${code}`))));
  });
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function bundle(): { file: string; bytes: number; gzip: number }[] {
  return readdirSync(ASSETS)
    .sort()
    .map((file) => {
      const body = readFileSync(join(ASSETS, file));
      return { file, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
    });
}

async function main(): Promise<void> {
  const db = await scratchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'chatgrow-bench-dashboard-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    LOG_DIR: join(dataDir, 'logs'),
    LOG_LEVEL: 'warn',
    JWT_SECRET: SECRET,
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    RATE_LIMIT_MAX: '100000000',
    APP_ROLE: 'all',
    PORT: String(port),
    PUBLIC_URL: base,
  };
  const app = spawn(process.execPath, ['dist/src/main.js'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox'] });
  try {
    await waitFor(`${base}/health/live`, app);
    await run(process.execPath, ['dist/scripts/seed-demo.js'], env);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(DEMO),
    });
    const tokens = (await login.json()) as { accessToken: string; refreshToken: string; businessId: string };
    if (!tokens.accessToken) throw new Error(`login answered ${login.status}`);
    const session = JSON.stringify({ ...tokens, email: DEMO.email });

    const runs: Run[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'he-IL' });
      await context.addInitScript((value: string) => localStorage.setItem('chatgrow.session', value), session);
      const page = await context.newPage();
      await page.goto(`${base}/dashboard`);
      await page.waitForFunction(() => performance.getEntriesByName('chart-ready:bookings-chart').length > 0, null, { timeout: 30_000 });
      await page.waitForFunction(() => performance.getEntriesByName('chart-ready:revenue-chart').length > 0, null, { timeout: 30_000 });
      const r = await page.evaluate(() => {
        const api = (
          performance.getEntriesByType('resource') as unknown as {
            name: string;
            startTime: number;
            duration: number;
            responseEnd: number;
          }[]
        ).filter((e) => /\/(api|provider)\//.test(new URL(e.name).pathname));
        const marks = ['chart-ready:revenue-chart', 'chart-ready:bookings-chart'].map((n) => performance.getEntriesByName(n)[0].startTime);
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
        return {
          fcp,
          calls: api.length,
          callsMs: api.reduce((sum, e) => sum + e.duration, 0),
          callsWallMs: api.length ? Math.max(...api.map((e) => e.responseEnd)) - Math.min(...api.map((e) => e.startTime)) : 0,
          chartsMs: Math.max(...marks),
        };
      });
      if (i === 0) {
        // seed:demo must give non-empty charts: days with a figure other than zero in each chart's table.
        const nonZero = await page.$$eval('figure.chart', (figures) =>
          figures.map((f) => [...f.querySelectorAll('tbody td')].filter((td) => /[1-9]/.test(td.textContent ?? '')).length),
        );
        process.stdout.write(`demo business: ${nonZero[0]} days with revenue, ${nonZero[1]} days with appointments in the charts\n`);
        if (nonZero.length !== 2 || nonZero.includes(0)) throw new Error('seed:demo gave an empty chart');
      }
      await context.close();
      if (i > 0) runs.push(r); // the first load warms the app's caches and Chromium: not counted
    }

    const pick = (k: keyof Run) => runs.map((r) => r[k]);
    const line = (label: string, values: number[], unit: string) =>
      `${label.padEnd(44)}${median(values)
        .toFixed(unit === '' ? 0 : 1)
        .padStart(10)}${Math.min(...values)
        .toFixed(unit === '' ? 0 : 1)
        .padStart(10)}${Math.max(...values)
        .toFixed(unit === '' ? 0 : 1)
        .padStart(10)}  ${unit}\n`;
    process.stdout.write(`\nHome page, demo business, ${RUNS} cold loads (after one warm-up), Chromium headless\n`);
    process.stdout.write(`${'metric'.padEnd(44)}${'median'.padStart(10)}${'min'.padStart(10)}${'max'.padStart(10)}\n`);
    process.stdout.write(line('first contentful paint', pick('fcp'), 'ms'));
    process.stdout.write(line('API calls', pick('calls'), ''));
    process.stdout.write(line('API calls, summed duration', pick('callsMs'), 'ms'));
    process.stdout.write(line('API calls, first start to last end', pick('callsWallMs'), 'ms'));
    process.stdout.write(line('both charts drawn (from navigation)', pick('chartsMs'), 'ms'));

    const files = bundle();
    process.stdout.write(`\nBundle (dist/dashboard/assets)${''.padEnd(14)}${'bytes'.padStart(10)}${'gzip'.padStart(10)}\n`);
    for (const f of files) process.stdout.write(`${f.file.padEnd(44)}${String(f.bytes).padStart(10)}${String(f.gzip).padStart(10)}\n`);
    const sum = (list: typeof files) => list.reduce((s, f) => s + f.gzip, 0);
    const lazy = files.filter((f) => f.file.startsWith('chart-draw'));
    process.stdout.write(
      `${'first load (index js + css), gzip'.padEnd(44)}${''.padStart(10)}${String(sum(files) - sum(lazy)).padStart(10)}\n`,
    );
    process.stdout.write(
      `${'charts, loaded after (uPlot js + css), gzip'.padEnd(44)}${''.padStart(10)}${String(sum(lazy)).padStart(10)}\n`,
    );
    process.stdout.write(`${'total, gzip'.padEnd(44)}${''.padStart(10)}${String(sum(files)).padStart(10)}\n`);
  } finally {
    await browser.close();
    await stopProcess(app);
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
