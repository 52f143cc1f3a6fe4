import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { createApp, shutdownApp } from '../src/app.factory';
import { validateEnv } from '../src/infra/config/validate-env';
import { buildSearchText, likeContains } from '../src/modules/customers/customer-search';
import { percentile, scratchDatabase } from './support';

/**
 * `npm run bench:customers`:
 * 1. 100,000 customers in one business (bulk SQL, Hebrew names), then
 *    p50/p99 of GET /api/customers?q=<3 Hebrew letters> over HTTP and of the
 *    same two statements (page + count) straight on PostgreSQL;
 * 2. import throughput of a generated 50,000-row CSV (new customers, then
 *    the same file again: every row matched and unchanged).
 */
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 100_000);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000);

const FIRST = [
  'דנה',
  'יוסי',
  'שירה',
  'אבי',
  'מיכל',
  'רון',
  'נועה',
  'עומר',
  'תמר',
  'גיל',
  'יעל',
  'איתי',
  'הילה',
  'אורי',
  'ליאור',
  'מאיה',
  'עידו',
  'רותם',
  'שני',
  'אלון',
  'טל',
  'נטע',
  'דוד',
  'שרה',
  'משה',
  'רחל',
  'אריאל',
  'ענבל',
  'יונתן',
  'אביגיל',
];
const LAST = [
  'כהן',
  'לוי',
  'מזרחי',
  'פרץ',
  'ביטון',
  'אברהם',
  'פרידמן',
  'אזולאי',
  'דהן',
  'אגבריה',
  'מלכה',
  'שפירא',
  'גבאי',
  'חדד',
  'עמר',
  'יוסף',
  'קפלן',
  'רוזנברג',
  'שלום',
  'ברק',
  'גולן',
  'אוחיון',
  'בן דוד',
  'וקנין',
  'חזן',
];
const QUERIES = ['כהן', 'רון', 'מיכ', 'שפי', 'אלו'];

async function time(n: number, fn: (i: number) => Promise<unknown>): Promise<{ p50: number; p99: number; mean: number }> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p99: percentile(ms, 99), mean: ms.reduce((a, b) => a + b, 0) / ms.length };
}

const sqlArray = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]`;

async function main(): Promise<void> {
  const db = await scratchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'chatgrow-bench-'));
  const env = validateEnv({
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_MAX: '100000000',
    BCRYPT_ROUNDS: '4',
  });
  const app = await createApp(env, { logs: false });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const pool = new Pool({ connectionString: db.url, max: 4 });

  const register = async (n: number) => {
    const res = await fetch(`${base}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `bench${n}@example.co.il`, password: 'Sh4lom-Olam-2026', name: 'בנצ׳', businessName: `עסק ${n}` }),
    });
    const body = (await res.json()) as { accessToken: string; businessId: string };
    return { businessId: body.businessId, headers: { authorization: `Bearer ${body.accessToken}` } };
  };

  try {
    // 1. 100,000 customers in one business, inserted by SQL; search_text as buildSearchText() makes it.
    const big = await register(1);
    const t0 = performance.now();
    await pool.query(
      `INSERT INTO customers (business_id, first_name, last_name, email, phone, tags, source, created_at, search_text)
       SELECT $1, f, l, e, p, CASE WHEN i % 10 = 0 THEN ARRAY['VIP'] ELSE '{}' END, 'bench', now() - (i || ' minutes')::interval,
              lower(f || ' ' || l || coalesce(' ' || e, '') || ' ' || substr(p, 2) || ' 0' || substr(p, 5))
       FROM (
         SELECT i,
                (${sqlArray(FIRST)})[1 + i % ${FIRST.length}] AS f,
                (${sqlArray(LAST)})[1 + (i / ${FIRST.length}) % ${LAST.length}] AS l,
                CASE WHEN i % 3 = 0 THEN 'c' || i || '@example.co.il' END AS e,
                '+97250' || lpad(i::text, 7, '0') AS p
         FROM generate_series(1, $2::int) AS i
       ) g`,
      [big.businessId, CUSTOMERS],
    );
    await pool.query('ANALYZE customers');
    const seeded = performance.now() - t0;
    // The SQL seeding must produce exactly what the application would.
    const sample = await pool.query(
      `SELECT first_name, last_name, email, phone, search_text FROM customers WHERE business_id = $1 ORDER BY random() LIMIT 50`,
      [big.businessId],
    );
    for (const r of sample.rows) {
      const expected = buildSearchText({ firstName: r.first_name, lastName: r.last_name, email: r.email, phone: r.phone });
      if (expected !== r.search_text) throw new Error(`seeded search_text differs: ${r.search_text} vs ${expected}`);
    }
    process.stdout.write(`Seeded ${CUSTOMERS.toLocaleString('en')} customers in one business in ${(seeded / 1000).toFixed(1)} s\n\n`);

    // Warm-up.
    for (const q of QUERIES) await fetch(`${base}/api/customers?q=${encodeURIComponent(q)}`, { headers: big.headers });

    const dataSql = `SELECT * FROM customers c WHERE c.business_id = $1 AND c.archived_at IS NULL AND c.search_text LIKE $2 ORDER BY c.created_at DESC NULLS LAST, c.id ASC LIMIT 20 OFFSET 0`;
    const countSql = `SELECT COUNT(DISTINCT c.id) AS cnt FROM customers c WHERE c.business_id = $1 AND c.archived_at IS NULL AND c.search_text LIKE $2`;
    process.stdout.write(`GET /api/customers?q=… (20 per page, with total), ${SAMPLES} sequential requests per query, one client\n`);
    process.stdout.write(
      `${'q'.padEnd(6)}${'matches'.padStart(9)}${'HTTP p50'.padStart(11)}${'HTTP p99'.padStart(11)}${'SQL p50'.padStart(10)}${'SQL p99'.padStart(10)}   plan\n`,
    );
    for (const q of QUERIES) {
      let total = 0;
      const http = await time(SAMPLES, async () => {
        const res = await fetch(`${base}/api/customers?q=${encodeURIComponent(q)}`, { headers: big.headers });
        const body = (await res.json()) as { meta: { total: number } };
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
        total = body.meta.total;
      });
      const params = [big.businessId, likeContains(q)];
      const sql = await time(SAMPLES, async () => {
        await pool.query(dataSql, params);
        await pool.query(countSql, params);
      });
      const plan = await pool.query(`EXPLAIN ${dataSql}`, params);
      const scan =
        (plan.rows as { 'QUERY PLAN': string }[])
          .map((r) => r['QUERY PLAN'])
          .find((l) => /Scan/.test(l))
          ?.trim()
          .replace(/\s+\(cost.*$/, '') ?? '?';
      process.stdout.write(
        `${q.padEnd(6)}${String(total).padStart(9)}${http.p50.toFixed(2).padStart(11)}${http.p99.toFixed(2).padStart(11)}${sql.p50.toFixed(2).padStart(10)}${sql.p99.toFixed(2).padStart(10)}   ${scan}\n`,
      );
    }

    // 2. Import throughput: 50,000 new customers, then the same file again.
    const lines = ['שם פרטי,שם משפחה,טלפון,אימייל,תגיות,הערות'];
    for (let i = 0; i < IMPORT_ROWS; i++) {
      lines.push(
        `${FIRST[i % FIRST.length]},${LAST[(i * 7) % LAST.length]},05${2 + (i % 3)}-${String(1_000_000 + i).slice(-7)},imp${i}@example.co.il,"יבוא, בדיקה",לקוח מיובא מספר ${i}`,
      );
    }
    const csv = Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
    const target = await register(2);
    process.stdout.write(
      `\nImport of a ${IMPORT_ROWS.toLocaleString('en')}-row CSV (${(csv.length / 1024 / 1024).toFixed(1)} MB), upload to completed, polled every 100 ms\n`,
    );
    for (const label of ['new customers', 'same file again (all unchanged)']) {
      const form = new FormData();
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'bench.csv');
      const started = performance.now();
      const res = await fetch(`${base}/api/customers/import`, { method: 'POST', headers: target.headers, body: form });
      const { jobId } = (await res.json()) as { jobId: string };
      const accepted = performance.now() - started;
      let status: { status: string; report: Record<string, unknown> };
      for (;;) {
        status = (await (await fetch(`${base}/api/customers/import/${jobId}`, { headers: target.headers })).json()) as typeof status;
        if (status.status === 'completed' || status.status === 'failed') break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const seconds = (performance.now() - started) / 1000;
      const { errors, ...counts } = status.report as { errors: unknown[] };
      process.stdout.write(
        `  ${label.padEnd(34)} ${status.status}: ${(IMPORT_ROWS / seconds).toFixed(0).padStart(6)} rows/s (${seconds.toFixed(1)} s; 202 after ${accepted.toFixed(0)} ms) ${JSON.stringify({ ...counts, errors: errors.length })}\n`,
      );
    }
  } finally {
    await pool.end();
    await shutdownApp(app);
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
