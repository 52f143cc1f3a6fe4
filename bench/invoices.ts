import 'reflect-metadata';
import { execFileSync, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { percentile, scratchDatabase } from './support';

/**
 * `npm run bench:invoices`, three processes: the app (bench/invoices-app),
 * the clients (this process) and the baseline (bench/invoices-bare-pdf).
 * 1. Latency: one client issues Hebrew tax invoice-receipts one after the
 *    other (POST /api/invoices: validation, the series counter, the PDF
 *    rendered with Heebo and stored with its SHA-256, the row, the customer's
 *    spend, the activity log), p50/p99, against a bare PDFKit one-page
 *    document with the same font rendered in its own process.
 * 2. Throughput: 1,000 invoices issued by 20 concurrent clients into one
 *    business: one series is numbered one document at a time (the counter row
 *    is locked until commit), so this is the rate of one series; the numbers
 *    are checked to be 1..n without a gap or a duplicate.
 */
const N = Number(process.env.BENCH_INVOICES_LATENCY ?? 200);
const TOTAL = Number(process.env.BENCH_INVOICES_TOTAL ?? 1000);
const CLIENTS = Number(process.env.BENCH_INVOICES_CLIENTS ?? 20);

const out = (s: string) => process.stdout.write(`${s}\n`);

function invoice(customerId: string, i: number) {
  return {
    customerId,
    lines: [
      { description: 'תספורת + צבע', quantity: 2, unitPriceAgorot: 12_000 },
      { description: 'Wella Koleston 7/1', quantity: 0.5, unitPriceAgorot: 9_990, discountAgorot: 995 },
      { description: `טיפול פנים מס׳ ${i}`, quantity: 1, unitPriceAgorot: 25_000 },
    ],
    payments: [
      { method: 'credit_card', amountAgorot: 62_540, cardBrand: 'visa', cardLast4: '4580', installments: 3, approvalNumber: '0123456' },
    ],
    remarks: 'תודה שבחרתם בנו!',
  };
}

async function main(): Promise<void> {
  const db = await scratchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'chatgrow-bench-invoices-'));
  const app = fork(join(__dirname, 'invoices-app.js'), [], {
    env: { ...process.env, BENCH_DATABASE_URL: db.url, BENCH_DATA_DIR: dataDir },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    app.once('message', (m: { port: number }) => resolve(m.port));
    app.once('exit', (code) => reject(new Error(`the app exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method: string, path: string, headers: Record<string, string>, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const business = async (name: string) => {
    const reg = await call(
      'POST',
      '/api/auth/register',
      {},
      {
        email: `${name}-${Date.now()}@example.co.il`,
        password: 'Sh4lom-Olam-2026',
        name: 'דנה לוי',
        businessName: 'סטודיו דנה',
      },
    );
    const auth = { authorization: `Bearer ${reg.body.accessToken}` };
    await call('PATCH', '/api/invoices/settings', auth, {
      legalName: 'סטודיו דנה בע"מ',
      taxId: '515555555',
      address: 'רחוב הרצל 1, תל אביב',
    });
    const customer = await call('POST', '/api/customers', auth, { firstName: 'נועה', lastName: 'כהן', email: `noa-${name}@example.co.il` });
    return { auth, customerId: customer.body.id as string, businessId: reg.body.businessId as string };
  };

  try {
    // 1. One invoice at a time, against bare PDFKit in its own process (run first: the app idles meanwhile).
    const bare = JSON.parse(execFileSync('node', [join(__dirname, 'invoices-bare-pdf.js'), String(N)], { encoding: 'utf8' })) as {
      p50: number;
      p99: number;
    };
    const one = await business('latency');
    for (let i = 0; i < 20; i++) await call('POST', '/api/invoices', one.auth, invoice(one.customerId, i));
    const times: number[] = [];
    for (let i = 0; i < N; i++) {
      const t0 = performance.now();
      const r = await call('POST', '/api/invoices', one.auth, invoice(one.customerId, i));
      times.push(performance.now() - t0);
      if (r.status !== 201) throw new Error(`POST /api/invoices answered ${r.status}: ${JSON.stringify(r.body)}`);
    }
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    const p99 = percentile(times, 99);
    out(`\nIssue one Hebrew tax invoice-receipt with its PDF (${N} in a row, after 20 to warm up)`);
    out(`${'target'.padEnd(58)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}`);
    out(`${'ChatGrow POST /api/invoices (PDF rendered + stored)'.padEnd(58)}${p50.toFixed(1).padStart(9)}${p99.toFixed(1).padStart(9)}`);
    out(
      `${'bare PDFKit one-page document, Heebo (own process)'.padEnd(58)}${bare.p50.toFixed(1).padStart(9)}${bare.p99.toFixed(1).padStart(9)}`,
    );
    out(`ratio p50 ${(p50 / bare.p50).toFixed(2)}× (goal ≤ 3× and ≤ 50 ms p50: ${p50 / bare.p50 <= 3 && p50 <= 50 ? 'met' : 'NOT met'})`);

    // 2. 1,000 invoices from 20 clients into one business (one series).
    const many = await business('throughput');
    let next = 0;
    const latencies: number[] = [];
    let failures = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < TOTAL) {
          const i = next++;
          const s = performance.now();
          const r = await call('POST', '/api/invoices', many.auth, invoice(many.customerId, i));
          latencies.push(performance.now() - s);
          if (r.status !== 201) failures++;
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    const { rows } = await pg.query(
      `SELECT count(*)::int AS n, count(DISTINCT number)::int AS distinct_numbers, min(number) AS min, max(number) AS max
         FROM invoices WHERE business_id = $1`,
      [many.businessId],
    );
    await pg.end();
    const check = rows[0] as { n: number; distinct_numbers: number; min: number; max: number };
    out(`\n${TOTAL} invoices, ${CLIENTS} concurrent clients, one business (one series)`);
    out(
      `  ${(TOTAL / seconds).toFixed(1)} documents/s (${seconds.toFixed(1)} s); latency p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms; ${failures} failed`,
    );
    out(
      `  numbers: ${check.n} documents, ${check.distinct_numbers} distinct, ${check.min}..${check.max} (${check.n === check.max && check.distinct_numbers === check.n && check.min === 1 ? 'no gap, no duplicate' : 'GAP OR DUPLICATE'})`,
    );
    out('  the counter row of a series is locked from the number to the commit (PDF included): one series issues one document at a time');
  } finally {
    app.send('stop');
    await new Promise((r) => app.once('exit', r));
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().catch((err: Error) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
