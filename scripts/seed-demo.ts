import 'reflect-metadata';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { DateTime } from 'luxon';
import { createApp, shutdownApp } from '../src/app.factory';
import { validateEnv } from '../src/infra/config/validate-env';

/**
 * `npm run seed:demo`: a demo business with Hebrew data, created through the
 * public API of the real app (so it obeys every rule the API enforces), on the
 * configured database (DATABASE_URL, or the embedded one in DATA_DIR).
 * Running it again only prints the login.
 */
const OWNER = { email: 'demo@chatgrow.co.il', password: 'Demo-Sal0n-2026', name: 'מיכל אברהם', businessName: 'סלון מיכל' };

type Json = Record<string, unknown>;

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = validateEnv({ ...process.env, APP_ROLE: 'all', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const app = await createApp(env, { logs: false });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`;
  let auth: Record<string, string> = {};
  const call = async (method: string, path: string, body?: unknown): Promise<Json> => {
    const res = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json', ...auth },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => ({}))) as Json;
    if (!res.ok) throw Object.assign(new Error(`${method} ${path} → ${res.status}: ${JSON.stringify(json)}`), { status: res.status });
    return json;
  };
  try {
    const login = await call('POST', '/auth/login', { email: OWNER.email, password: OWNER.password }).catch(() => undefined);
    if (login) {
      process.stdout.write('The demo business exists already.\n');
    } else {
      const session = await call('POST', '/auth/register', OWNER);
      auth = { Authorization: `Bearer ${session.accessToken as string}` };
      await seed(call);
    }
    process.stdout.write(`\nDemo login (${env.PUBLIC_URL}/docs):\n  email:    ${OWNER.email}\n  password: ${OWNER.password}\n`);
  } finally {
    await shutdownApp(app);
  }
}

async function seed(call: (method: string, path: string, body?: unknown) => Promise<Json>): Promise<void> {
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
  await call('POST', '/services', {
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
  process.stdout.write(
    `Seeded: 1 business, 1 staff member, ${customers.length} customers, 1 subscriber, 2 services, 3 appointments, 1 event with 3 registrations.\n`,
  );
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
