import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { Pool } from 'pg';
import { createApp, shutdownApp } from '../src/app.factory';
import { validateEnv } from '../src/infra/config/validate-env';
import { computeSlots, type BusyRange } from '../src/modules/appointments/availability/compute-slots';
import { percentile, scratchDatabase } from './support';

/**
 * `npm run bench:booking`:
 * 1. Slot computation for one staff member with a year of appointments:
 *    the pure function (a year at once, and day by day) and
 *    GET /api/appointments/slots over HTTP (one day, and a month);
 * 2. Contention: 500 clients POST the same slot at once (and 500 overlapping
 *    ranges), reporting 201s, 409s, 5xx and latency percentiles.
 */
const ZONE = 'Asia/Jerusalem';
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const HTTP_DAYS = Number(process.env.BENCH_HTTP_DAYS ?? 60);
/** Sunday to Friday 09:00–19:00 (Israeli week; Saturday off). */
const WEEKLY = [0, 1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: weekday === 5 ? '14:00' : '19:00' }));
const DURATION = 30;
const BUFFER_AFTER = 10;

/** A deterministic year of appointments: about 60 % of the bookable half-hours, none overlapping. */
function yearOfAppointments(from: DateTime): BusyRange[] {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: BusyRange[] = [];
  for (let day = from; day < from.plus({ years: 1 }); day = day.plus({ days: 1 })) {
    const hours = WEEKLY.find((w) => w.weekday === day.weekday % 7);
    if (!hours) continue;
    const end = day.set({ hour: Number(hours.end.slice(0, 2)) }).toMillis();
    for (let t = day.set({ hour: 9 }).toMillis(); t + (DURATION + BUFFER_AFTER) * 60_000 <= end; t += (DURATION + BUFFER_AFTER) * 60_000) {
      if (rand() < 0.6) out.push({ from: t, to: t + (DURATION + BUFFER_AFTER) * 60_000 });
    }
  }
  return out;
}

async function main(): Promise<void> {
  const db = await scratchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'chatgrow-bench-'));
  const env = validateEnv({
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789',
    LOG_LEVEL: 'error',
    RATE_LIMIT_MAX: '100000000',
    BCRYPT_ROUNDS: '4',
  });
  const app = await createApp(env, { logs: false });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const pool = new Pool({ connectionString: db.url, max: 4 });
  const out = (s: string) => process.stdout.write(`${s}\n`);

  const call = async (method: string, path: string, headers: Record<string, string>, body?: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };

  try {
    const reg = await call(
      'POST',
      '/api/auth/register',
      {},
      { email: 'bench-booking@example.co.il', password: 'Sh4lom-Olam-2026', name: 'דנה', businessName: 'מספרת בנצ׳' },
    );
    const auth = { authorization: `Bearer ${reg.body.accessToken}` };
    const businessId: string = reg.body.businessId;
    await call('PUT', '/api/booking-settings', auth, { bookingWindowDays: 400, minimumNoticeMinutes: 0 });
    const calendar = (await call('POST', '/api/calendars', auth, { kind: 'resource', name: 'דנה' })).body;
    await call('PUT', `/api/calendars/${calendar.id}/schedule`, auth, { weekly: WEEKLY, overrides: [] });
    const service = (
      await call('POST', '/api/services', auth, {
        name: 'תספורת',
        durationMinutes: DURATION,
        bufferAfterMinutes: BUFFER_AFTER,
        priceAgorot: 9000,
        calendarIds: [calendar.id],
      })
    ).body;
    const customer = (
      await call('POST', '/api/appointments', auth, {
        serviceId: service.id,
        calendarId: calendar.id,
        startsAt: DateTime.now().setZone(ZONE).plus({ years: 2 }).toISO(),
        customer: { firstName: 'לקוח', phone: '0501234567' },
      })
    ).body.customerId;

    // 1a. The pure function.
    const start = DateTime.now().setZone(ZONE).startOf('day').plus({ days: 1 });
    const busy = yearOfAppointments(start);
    const now = start.minus({ days: 1 }).toJSDate();
    const rules = { timeZone: ZONE, slotIntervalMinutes: 15, minimumNoticeMinutes: 0, bookingWindowDays: 400 };
    const query = {
      weekly: WEEKLY,
      overrides: [],
      durationMinutes: DURATION,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: BUFFER_AFTER,
      busy,
      now,
      rules,
    };
    computeSlots({ ...query, from: start.toJSDate(), to: start.plus({ days: 7 }).toJSDate() }); // warm-up
    let t0 = performance.now();
    const yearSlots = computeSlots({ ...query, from: start.toJSDate(), to: start.plus({ years: 1 }).toJSDate() });
    const yearMs = performance.now() - t0;
    const perDay: number[] = [];
    for (let d = start; d < start.plus({ years: 1 }); d = d.plus({ days: 1 })) {
      t0 = performance.now();
      computeSlots({ ...query, from: d.toJSDate(), to: d.plus({ days: 1 }).toJSDate() });
      perDay.push(performance.now() - t0);
    }
    perDay.sort((a, b) => a - b);
    out(
      `Slot computation, one staff member, ${busy.length.toLocaleString('en')} appointments over a year (${DURATION} min + ${BUFFER_AFTER} min buffer, 15-min grid)`,
    );
    out(
      `  pure function, whole year in one call: ${yearMs.toFixed(1)} ms → ${(yearMs / 365).toFixed(3)} ms per day (${yearSlots.length.toLocaleString('en')} free slots)`,
    );
    out(
      `  pure function, one day per call (full year of busy ranges passed): p50 ${percentile(perDay, 50).toFixed(3)} ms, p99 ${percentile(perDay, 99).toFixed(3)} ms`,
    );

    // 1b. Over HTTP with the year of appointments in PostgreSQL.
    for (let i = 0; i < busy.length; i += 1000) {
      const chunk = busy.slice(i, i + 1000);
      const values: unknown[] = [];
      const rows = chunk.map((b, k) => {
        values.push(new Date(b.from), new Date(b.from + DURATION * 60_000), new Date(b.to));
        return `($1, $2, $3, $4, $${5 + k * 3}, $${6 + k * 3}, $${5 + k * 3}, $${7 + k * 3}, 'confirmed', 'staff', 'תספורת', 9000, 'ILS')`;
      });
      await pool.query(
        `INSERT INTO appointments (business_id, service_id, calendar_id, customer_id, starts_at, ends_at, blocked_from, blocked_to, status, source, service_name, price_agorot, currency) VALUES ${rows.join(',')}`,
        [businessId, service.id, calendar.id, customer, ...values],
      );
    }
    await pool.query('ANALYZE appointments');
    const httpDay: number[] = [];
    for (let i = 0; i < HTTP_DAYS; i++) {
      const day = start.plus({ days: i }).toISODate()!;
      t0 = performance.now();
      const res = await call(
        'GET',
        `/api/appointments/slots?serviceId=${service.id}&calendarId=${calendar.id}&from=${day}&to=${day}`,
        auth,
      );
      httpDay.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`slots ${res.status}: ${JSON.stringify(res.body)}`);
    }
    httpDay.sort((a, b) => a - b);
    const httpMonth: number[] = [];
    for (let i = 0; i < 20; i++) {
      const from = start.plus({ days: i * 7 });
      t0 = performance.now();
      await call(
        'GET',
        `/api/appointments/slots?serviceId=${service.id}&from=${from.toISODate()}&to=${from.plus({ days: 30 }).toISODate()}`,
        auth,
      );
      httpMonth.push(performance.now() - t0);
    }
    httpMonth.sort((a, b) => a - b);
    out(
      `  GET /api/appointments/slots, one day (${HTTP_DAYS} sequential requests): p50 ${percentile(httpDay, 50).toFixed(2)} ms, p99 ${percentile(httpDay, 99).toFixed(2)} ms`,
    );
    out(
      `  GET /api/appointments/slots, 31 days (20 requests): p50 ${percentile(httpMonth, 50).toFixed(2)} ms (${(percentile(httpMonth, 50) / 31).toFixed(2)} ms per day), p99 ${percentile(httpMonth, 99).toFixed(2)} ms`,
    );
    out('');

    // 2. Contention over HTTP.
    out(`Contention: ${CLIENTS} clients POST /api/appointments at once for one staff member (PostgreSQL pool of 20;`);
    out(`clients and API share this Node process, CPU = its busy share of one core during the round)`);
    out(
      `${'round'.padEnd(34)}${'201'.padStart(6)}${'409'.padStart(6)}${'5xx'.padStart(6)}${'other'.padStart(7)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'wall ms'.padStart(9)}${'CPU'.padStart(8)}`,
    );
    const far = DateTime.now().setZone(ZONE).startOf('day').plus({ years: 1, days: 30 });
    for (let round = 0; round < ROUNDS * 2; round++) {
      const overlapping = round >= ROUNDS;
      const slot = far.plus({ days: round }).set({ hour: 10 });
      const bodies = Array.from({ length: CLIENTS }, (_, i) => ({
        serviceId: service.id,
        calendarId: calendar.id,
        customerId: customer,
        startsAt: (overlapping ? slot.plus({ seconds: i * 3 }) : slot).toISO(),
      }));
      const latencies: number[] = [];
      const statuses: number[] = [];
      const wall0 = performance.now();
      const cpu0 = process.cpuUsage();
      await Promise.all(
        bodies.map(async (b) => {
          const s = performance.now();
          const res = await call('POST', '/api/appointments', auth, b).catch(() => ({ status: 0, body: null }));
          latencies.push(performance.now() - s);
          statuses.push(res.status);
        }),
      );
      const wall = performance.now() - wall0;
      const cpu = process.cpuUsage(cpu0);
      const cpuShare = (cpu.user + cpu.system) / 1000 / wall;
      latencies.sort((a, b) => a - b);
      const count = (f: (s: number) => boolean) => statuses.filter(f).length;
      const label = overlapping ? `overlapping starts, round ${round - ROUNDS + 1}` : `identical slot, round ${round + 1}`;
      out(
        `${label.padEnd(34)}${String(count((s) => s === 201)).padStart(6)}${String(count((s) => s === 409)).padStart(6)}${String(count((s) => s >= 500)).padStart(6)}${String(count((s) => s !== 201 && s !== 409 && s < 500)).padStart(7)}${percentile(latencies, 50).toFixed(0).padStart(9)}${percentile(latencies, 99).toFixed(0).padStart(9)}${wall.toFixed(0).padStart(9)}${`${(cpuShare * 100).toFixed(0)} %`.padStart(8)}`,
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
