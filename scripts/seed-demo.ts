import 'reflect-metadata';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { createApp, shutdownApp } from '../src/app.factory';
import type { EnvironmentVariables } from '../src/infra/config/env.schema';
import { validateEnv } from '../src/infra/config/validate-env';
import { EmbeddedPostgresPortInUseError } from '../src/infra/database/embedded-postgres.server';
import { probeRunningApi } from './running-api';

/**
 * `npm run seed:demo`: a demo business with Hebrew data, created through the
 * public API of the real app (so it obeys every rule the API enforces). When
 * a ChatGrow API answers at PUBLIC_URL (the app runs, e.g. `npm start`) it
 * seeds through that; otherwise it starts the app itself on the configured
 * database (DATABASE_URL, or the embedded one in DATA_DIR), seeds and stops it.
 * Running it again only prints the login.
 */
const OWNER = { email: 'demo@chatgrow.co.il', password: 'Demo-Sal0n-2026', name: 'מיכל אברהם', businessName: 'סלון מיכל' };

type Json = Record<string, unknown>;
type Call = (method: string, path: string, body?: unknown) => Promise<Json>;

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = validateEnv({ ...process.env, APP_ROLE: 'all', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const publicUrl = env.PUBLIC_URL.replace(/\/+$/, '');
  const running = await probeRunningApi(publicUrl);
  if (running.kind === 'other') {
    throw new Error(
      `Something other than the ChatGrow API answers at ${publicUrl} (${running.what}): not seeding it. Stop it, or set PUBLIC_URL to the ChatGrow API.`,
    );
  }
  if (running.kind === 'chatgrow') {
    process.stdout.write(`Seeding through the running API at ${publicUrl}\n`);
    await seedOnce(`${publicUrl}/api`);
  } else {
    process.stdout.write(`No API at ${publicUrl} (${running.reason}): starting the app to seed\n`);
    await withOwnApp(env, publicUrl, seedOnce);
  }
  process.stdout.write(`\nDemo login (${publicUrl}/docs):\n  email:    ${OWNER.email}\n  password: ${OWNER.password}\n`);
}

/** Boots the app in this process on a free local port, runs `work` against its API, and shuts it down. */
async function withOwnApp(env: EnvironmentVariables, publicUrl: string, work: (apiBase: string) => Promise<void>): Promise<void> {
  // Nothing answers at PUBLIC_URL, so the sandbox gateway's notification of a demo payment reaches no one:
  // the payments sweeper asks the gateway instead, and for the seed it asks at once rather than after minutes.
  const app = await createApp({ ...env, PAYMENT_SWEEP_INTERVAL_MS: 250 }, { logs: false }).catch((err: Error) => {
    if (err instanceof EmbeddedPostgresPortInUseError) {
      err.message += `\nNothing answered at ${publicUrl}: if ChatGrow is still starting, wait and run this again; if it runs elsewhere, set PUBLIC_URL to its address.`;
    }
    throw err;
  });
  try {
    await app.listen(0, '127.0.0.1');
    await work(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`);
  } finally {
    await shutdownApp(app);
  }
}

/** Registers the demo owner and seeds the business, unless the owner can log in already. */
async function seedOnce(apiBase: string): Promise<void> {
  let auth: Record<string, string> = {};
  const call: Call = async (method, path, body) => {
    const res = await fetch(apiBase + path, {
      method,
      headers: { 'content-type': 'application/json', ...auth },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => ({}))) as Json;
    if (!res.ok) throw Object.assign(new Error(`${method} ${path} → ${res.status}: ${JSON.stringify(json)}`), { status: res.status });
    return json;
  };
  const login = await call('POST', '/auth/login', { email: OWNER.email, password: OWNER.password }).catch(
    (err: Error & { status?: number }) => {
      if (err.status === 401) return undefined;
      throw err;
    },
  );
  if (login) {
    process.stdout.write('The demo business exists already.\n');
    return;
  }
  const session = await call('POST', '/auth/register', OWNER);
  auth = { Authorization: `Bearer ${session.accessToken as string}` };
  /** Pays a sandbox payment page with the approving card, as a payer's browser submits the form. */
  const payPage = async (pageUrl: string) => {
    const res = await fetch(apiBase.replace(/\/api$/, '') + new URL(pageUrl).pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'cardNumber=4580000000000000',
      redirect: 'manual',
    });
    if (res.status !== 303) throw new Error(`Paying the sandbox page answered ${res.status}`);
  };
  await seed(call, payPage);
}

async function seed(call: Call, payPage: (pageUrl: string) => Promise<void>): Promise<void> {
  await call('PATCH', '/business', {
    legalName: 'מיכל אברהם',
    taxId: '123456782',
    vatStatus: 'licensed',
    address: 'רחוב דיזנגוף 100, תל אביב',
    phone: '03-5551234',
    email: 'salon@example.co.il',
  });
  const staff = await call('POST', '/business/members', { email: 'noa@chatgrow.co.il', name: 'נועה לוי', role: 'staff' });

  const people = [
    ['דנה', 'כהן', '050-1234567', 'dana@example.co.il', ['VIP']],
    ['יוסי', 'לוי', '052-7654321', null, ['תספורת']],
    ['רונית', 'מזרחי', '054-1112233', 'ronit@example.co.il', ['צבע', 'VIP']],
    ['אבי', 'פרץ', null, 'avi@example.co.il', []],
    ['שירה', 'ביטון', '058-9876543', 'shira@example.co.il', ['כלה']],
  ] as const;
  const customers: Json[] = [];
  for (const [firstName, lastName, phone, email, tags] of people) {
    customers.push(
      await call('POST', '/customers', {
        firstName,
        lastName,
        ...(phone ? { phone } : {}),
        ...(email ? { email } : {}),
        tags,
        source: 'demo',
      }),
    );
  }
  await call('POST', '/subscribers', { email: 'dana@example.co.il', name: 'דנה כהן', lists: ['מבצעים'] });

  const calendar = await call('POST', '/calendars', { kind: 'member', memberId: staff.id });
  const weekly = [0, 1, 2, 3, 4]
    .map((weekday) => ({ weekday, start: '09:00', end: '18:00' }))
    .concat([{ weekday: 5, start: '08:00', end: '13:00' }]);
  await call('PUT', `/calendars/${calendar.id as string}/schedule`, { weekly, overrides: [] });
  const haircut = await call('POST', '/services', {
    name: 'תספורת נשים',
    nameEn: "Women's haircut",
    durationMinutes: 45,
    priceAgorot: 18000,
    bufferAfterMinutes: 15,
    calendarIds: [calendar.id],
  });
  const colour = await call('POST', '/services', {
    name: 'צבע שורש',
    nameEn: 'Root colour',
    durationMinutes: 90,
    priceAgorot: 32000,
    calendarIds: [calendar.id],
  });

  const day = DateTime.now().setZone('Asia/Jerusalem').plus({ days: 1 });
  const free = await call(
    'GET',
    `/appointments/slots?serviceId=${haircut.id as string}&calendarId=${calendar.id as string}&from=${day.toISODate()}&to=${day.plus({ days: 6 }).toISODate()}`,
  );
  const starts = (free.slots as { localStartsAt: string }[]).map((s) => s.localStartsAt);
  for (const [i, startsAt] of starts
    .filter((_, i) => i % 7 === 0)
    .slice(0, 3)
    .entries()) {
    await call('POST', '/appointments', { serviceId: haircut.id, calendarId: calendar.id, startsAt, customerId: customers[i].id });
  }

  const eventStart = DateTime.now().setZone('Asia/Jerusalem').plus({ days: 10 }).set({ hour: 19, minute: 0, second: 0, millisecond: 0 });
  const event = await call('POST', '/events', {
    title: 'סדנת טיפוח שיער',
    description: 'ערב טיפים ומוצרים',
    startsAt: eventStart.toISO(),
    endsAt: eventStart.plus({ hours: 2 }).toISO(),
    location: 'סלון מיכל, תל אביב',
    capacity: 12,
    priceAgorot: 5000,
    status: 'published',
  });
  for (const c of customers.slice(0, 3)) await call('POST', `/events/${event.id as string}/registrations`, { customerId: c.id });

  const history = await seedHistory(
    call,
    { haircut: haircut.id as string, colour: colour.id as string, calendar: calendar.id as string },
    customers,
  );
  const payments = await seedPayments(call, payPage, customers);
  process.stdout.write(
    `Seeded: 1 business, 1 staff member, ${customers.length} customers, 1 subscriber, 2 services, ${3 + history} appointments (${history} past, last month and this), 1 event with 3 registrations, ${payments}.\n`,
  );
}

/**
 * Past appointments for the dashboard's charts, entered by staff as a salon records
 * walk-ins: in the previous month and in this one up to yesterday (Jerusalem days),
 * then marked completed, a no-show or cancelled. Returns how many.
 */
async function seedHistory(call: Call, ids: { haircut: string; colour: string; calendar: string }, customers: Json[]): Promise<number> {
  const today = DateTime.now().setZone('Asia/Jerusalem').startOf('day');
  const lastMonth = today.minus({ months: 1 }).startOf('month');
  const days = [3, 8, 12, 17, 22, 26].map((d) => lastMonth.plus({ days: d - 1 }));
  for (let day = today.startOf('month'); day < today; day = day.plus({ days: 4 })) days.push(day);
  const outcomes = ['complete', 'complete', 'no-show', 'complete', 'cancel', 'complete'] as const;
  for (const [i, day] of days.entries()) {
    const appointment = await call('POST', '/appointments', {
      serviceId: i % 3 === 2 ? ids.colour : ids.haircut,
      calendarId: ids.calendar,
      startsAt: day.set({ hour: 10 + (i % 5) }).toISO(),
      customerId: customers[i % customers.length].id,
    });
    await call('POST', `/appointments/${appointment.id as string}/${outcomes[i % outcomes.length]}`, {});
  }
  return days.length;
}

/**
 * Payments paid on the sandbox gateway's page (each issues its invoice-receipt and
 * emails it), one of them then partly refunded (a credit note). Their gateway
 * notification or the payments sweeper settles them; the seed waits for that.
 */
async function seedPayments(call: Call, payPage: (pageUrl: string) => Promise<void>, customers: Json[]): Promise<string> {
  const asked = [
    [0, 18000, 'תספורת נשים'],
    [2, 32000, 'צבע שורש'],
    [4, 18000, 'תספורת נשים'],
    [0, 5000, 'סדנת טיפוח שיער'],
  ] as const;
  const ids: string[] = [];
  for (const [who, amount, description] of asked) {
    const payment = await call('POST', '/payments', { customerId: customers[who].id, amount, description });
    await payPage(payment.pageUrl as string);
    ids.push(payment.id as string);
  }
  const deadline = Date.now() + 60_000;
  let pending = ids;
  while (pending.length && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    const statuses = await Promise.all(pending.map(async (id) => [id, (await call('GET', `/payments/${id}`)).status] as const));
    pending = statuses.filter(([, status]) => status === 'pending').map(([id]) => id);
  }
  if (pending.length) return `${ids.length} payments (${pending.length} not settled yet: the payments sweeper settles them)`;
  await call('POST', `/payments/${ids[1]}/refund`, { amount: 7000 });
  return `${ids.length} paid payments (one partly refunded)`;
}

// A command-line run ends when the seeding does: a queue connection or timer the in-process app left
// behind after its shutdown must not keep the terminal (or CI) waiting.
main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  },
);
