import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { en } from '../../web/src/i18n/en';
import { he, type Catalogue } from '../../web/src/i18n/he';
import { DashboardBrowser, DESKTOP, PHONE, seriousViolations, SHOTS } from '../support/dashboard-browser';
import { newBusiness, type TestBusiness } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

// Browser globals used inside page.evaluate() callbacks: this file compiles without the DOM library.
declare const document: { documentElement: { lang: string; dir: string; scrollWidth: number; clientWidth: number } };

/**
 * The home page in Chromium against a business seeded through the API (payments
 * paid on the sandbox page, one refunded; appointments today on two calendars,
 * one cancelled; events with places left and full) with a few dates moved into
 * last month by SQL, so every figure on the cards is known. Dates are relative
 * to now in Asia/Jerusalem, the business's time zone.
 */
const APPROVE = '4580000000000000';
const ZONE = 'Asia/Jerusalem';

/** Text as read: bidi marks dropped and every kind of space made one plain space. */
const plain = (s: string) =>
  s
    .replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
/** The page's formats (web/src/format.ts), written out again here as the test's own oracle. */
function formats(lang: 'he' | 'en', _zone: string, currency: string) {
  const locale = lang === 'he' ? 'he-IL' : 'en-IL';
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', timeZone: 'UTC' });
  return {
    money: (minor: number) => money.format(minor / 100),
    dayMonth: (ymd: string) => dayMonth.format(new Date(`${ymd}T00:00:00Z`)),
  };
}
const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => values[k]);

describe('the dashboard home page in Chromium', () => {
  let t: TestApp;
  let ds: DataSource;
  let dash: DashboardBrowser;
  let owner: TestBusiness;
  let empty: TestBusiness;
  const now = DateTime.now().setZone(ZONE);
  const today = now.startOf('day');
  const lastMonthDay = today.minus({ months: 1 }).startOf('month').plus({ days: 14 }).set({ hour: 12 });

  const stats = async (who: TestBusiness, from: DateTime) =>
    (
      await t.http
        .get('/provider/stats')
        .query({ from: from.toISODate()!, to: from.plus({ months: 1 }).toISODate()!, granularity: 'month' })
        .set(who.auth)
        .expect(200)
    ).body;

  before(async () => {
    t = await startTestApp({ PUBLIC_URL: 'http://127.0.0.1:9', PAYMENT_SWEEP_INTERVAL_MS: '200' });
    ds = t.app.get(DataSource);
    owner = await newBusiness(t.http, { name: 'מיכל אברהם', businessName: 'סלון מיכל' });
    empty = await newBusiness(t.http, { name: 'רק התחלתי', businessName: 'עסק חדש' });
    const a = owner.auth;
    await t.http
      .patch('/api/invoices/settings')
      .set(a)
      .send({ legalName: 'סלון מיכל בע"מ', taxId: '515555555', address: 'דיזנגוף 100, תל אביב', phone: '03-5551234' })
      .expect(200);

    const customer = async (firstName: string, phone: string) =>
      (await t.http.post('/api/customers').set(a).send({ firstName, lastName: 'כהן', phone }).expect(201)).body.id as string;
    const dana = await customer('דנה', '+972521000001');
    const yossi = await customer('יוסי', '+972521000002');
    const ronit = await customer('רונית', '+972521000003');
    const avi = await customer('אבי', '+972521000004');
    await ds.query(`UPDATE customers SET created_at = $2 WHERE id = $1`, [avi, lastMonthDay.toJSDate()]);

    // ₪300 + ₪120 paid today, ₪50 of the first refunded today: ₪370 this month; ₪200 paid on the 15th of last month.
    const paid = async (customerId: string, amount: number) => {
      const res = await t.http.post('/api/payments').set(a).send({ customerId, amount, description: 'טיפול' }).expect(201);
      await t.http.post(new URL(res.body.pageUrl).pathname).type('form').send({ cardNumber: APPROVE }).expect(303);
      await until(`payment ${res.body.id} paid`, async () => {
        const p = (await t.http.get(`/api/payments/${res.body.id}`).set(a)).body;
        return p.status === 'paid' && p.invoiceId;
      });
      return res.body.id as string;
    };
    const p1 = await paid(dana, 30_000);
    await paid(yossi, 12_000);
    const p3 = await paid(ronit, 20_000);
    await ds.query(`UPDATE payments SET paid_at = $2 WHERE id = $1`, [p3, lastMonthDay.toJSDate()]);
    await t.http.post(`/api/payments/${p1}/refund`).set(a).send({ amount: 5_000 }).expect(200);

    // Today: two appointments with the owner (a third cancelled), one on a chair; one last month.
    const [member] = (await t.http.get('/api/business/members').set(a).expect(200)).body.data;
    const staff = (await t.http.post('/api/calendars').set(a).send({ kind: 'member', memberId: member.id, name: 'מיכל' }).expect(201)).body
      .id;
    const chair = (await t.http.post('/api/calendars').set(a).send({ kind: 'resource', name: 'כיסא 2' }).expect(201)).body.id;
    const service = (
      await t.http
        .post('/api/services')
        .set(a)
        .send({ name: 'תספורת', durationMinutes: 30, priceAgorot: 12_000, calendarIds: [staff, chair] })
        .expect(201)
    ).body.id;
    // Staff bookings are confirmed unless asked `pending`.
    const book = async (calendarId: string, customerId: string, at: DateTime, then?: 'cancel' | 'complete' | 'pending') => {
      const res = await t.http
        .post('/api/appointments')
        .set(a)
        .send({ serviceId: service, calendarId, customerId, startsAt: at.toISO(), ...(then === 'pending' ? { status: 'pending' } : {}) });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      if (then && then !== 'pending') await t.http.post(`/api/appointments/${res.body.id}/${then}`).set(a).send({}).expect(200);
    };
    await book(staff, yossi, today.set({ hour: 11 }), 'pending');
    await book(staff, dana, today.set({ hour: 9 }));
    await book(staff, avi, today.set({ hour: 13 }), 'cancel');
    await book(chair, ronit, today.set({ hour: 10 }));
    await book(staff, dana, lastMonthDay.set({ hour: 10 }), 'complete');

    // Events: one with places left, one full with a waitlist, one draft (not shown).
    const event = async (title: string, capacity: number, status: string, who: string[]) => {
      const at = today.plus({ days: 7 }).set({ hour: 19 });
      const id = (
        await t.http
          .post('/api/events')
          .set(a)
          .send({ title, startsAt: at.toISO(), endsAt: at.plus({ hours: 2 }).toISO(), capacity, status })
          .expect(201)
      ).body.id;
      for (const customerId of who) await t.http.post(`/api/events/${id}/registrations`).set(a).send({ customerId }).expect(201);
    };
    await event('סדנת טיפוח', 5, 'published', [dana, yossi]);
    await event('ערב VIP', 1, 'published', [ronit, dana]);
    await event('טיוטה', 10, 'draft', []);

    // Messages in the log: one failed this month, one sent last month (not counted this month).
    const message = (at: Date, status: string) =>
      ds.query(`INSERT INTO stream_documents (id, business_id, stream, at, fields) VALUES ($1, $2, 'messages', $3, $4::jsonb)`, [
        randomUUID(),
        owner.businessId,
        at,
        JSON.stringify({ channel: 'sms', kind: 'transactional', status, to: '+972521000001', text: 'שלום' }),
      ]);
    await message(now.toJSDate(), 'failed');
    await message(lastMonthDay.toJSDate(), 'sent');
    // The invoice emails and confirmations the seeding queued go out (or fail) before the page is looked at.
    await until('the queued messages to settle', async () => {
      const m = (await stats(owner, today.startOf('month'))).messagesByStatus;
      return m.queued + m.sending === 0;
    });

    dash = await DashboardBrowser.start(t);
  });

  after(async () => {
    await dash?.close();
    await t?.close();
  });

  // The browser in New York: every time on the page must still be the business's (Asia/Jerusalem).
  const open = (viewport = DESKTOP) => dash.open(viewport, { timezoneId: 'America/New_York' });
  const logIn = (page: Page, who: TestBusiness) => dash.logIn(page, who);

  const chartsDrawn = (page: Page) => page.locator('figure.chart[data-state="ready"] canvas').nth(1).waitFor();
  const card = async (page: Page, name: string) => plain(await page.locator(`[data-card="${name}"]`).innerText());

  /** What the cards must say, in a language: the seeded figures formatted as the page formats them. */
  function expectedCards(m: Catalogue, lang: 'he' | 'en', messages: { sent: number; failed: number }) {
    const f = formats(lang, ZONE, 'ILS');
    return {
      revenue: [
        m['home.revenue'],
        f.money(37_000),
        fill(m['home.revenueLast'], { amount: f.money(20_000) }),
        fill(m['home.revenueUp'], { percent: '85%' }),
      ],
      bookings: [m['home.bookings'], '3', fill(m['home.bookingsCancelled'], { count: '1' })],
      customers: [m['home.newCustomers'], '3', fill(m['home.newCustomersLast'], { count: '1' })],
      messages: [
        m['home.messages'],
        fill(m['home.messagesSent'], { count: String(messages.sent) }),
        fill(m['home.messagesFailed'], { count: String(messages.failed) }),
      ],
    };
  }

  it('shows the exact figures, today per staff member, events with places, and both charts with their tables; rtl Hebrew then ltr English', async () => {
    // The messages the seeding sent (invoice emails, confirmations) plus the one failed message inserted.
    const m = (await stats(owner, today.startOf('month'))).messagesByStatus;
    const messages = { sent: m.sent + m.delivered, failed: m.failed + m.bounced };
    assert.ok(messages.failed >= 1);

    const { page, errors } = await open();
    await logIn(page, owner);
    await page.locator('[data-card="revenue"] .card-figure').filter({ hasNotText: '…' }).waitFor();
    assert.deepEqual(await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir })), {
      lang: 'he',
      dir: 'rtl',
    });
    assert.equal(plain(await page.locator('h1').innerText()), 'שלום, מיכל אברהם');

    const expected = expectedCards(he, 'he', messages);
    for (const [name, parts] of Object.entries(expected))
      assert.equal(await card(page, name), plain(parts.join(' ') + ' ' + linkOf(he, name)));

    // Today, per calendar in name order, by start; the cancelled one left out; times in the business's zone
    // (the browser is in New York).
    const agenda = page.locator('section[aria-labelledby="home-today"]');
    await agenda.locator('.staff-day').first().waitFor();
    const days = await agenda.locator('.staff-day').evaluateAll((sections) =>
      sections.map((s) => ({
        who: (s.querySelector('h3')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        rows: [...s.querySelectorAll('li')].map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim()),
      })),
    );
    assert.deepEqual(days, [
      {
        who: `כיסא 2 · ${fill(he['home.todayCount'], { count: '1' })}`,
        rows: [`10:00רונית כהן · תספורת${he['home.status.confirmed']}`],
      },
      {
        who: `מיכל · ${fill(he['home.todayCount'], { count: '2' })}`,
        rows: [`09:00דנה כהן · תספורת${he['home.status.confirmed']}`, `11:00יוסי כהן · תספורת${he['home.status.pending']}`],
      },
    ]);

    const events = await page
      .locator('.event-list li')
      .evaluateAll((items) =>
        items.map((li) => [li.querySelector('.event-title')?.textContent, li.querySelector('.event-places')?.textContent]),
      );
    assert.deepEqual(
      events.sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
      [
        ['סדנת טיפוח', fill(he['home.placesLeft'], { count: '3', capacity: '5' })],
        ['ערב VIP', fill(he['home.full'], { count: '1' })],
      ].sort((x, y) => x[0].localeCompare(y[0])),
    );

    // Both charts drawn on a canvas, each with its table: one row a day from the 1st of last month to today.
    await chartsDrawn(page);
    const f = formats('he', ZONE, 'ILS');
    const dayCount = Math.round(today.diff(lastMonthDay.startOf('month'), 'days').days) + 1;
    for (const id of ['revenue-chart', 'bookings-chart']) {
      const figure = page.locator(`figure[aria-labelledby="${id}-title"]`);
      assert.equal((await figure.locator('canvas').count()) > 0, true, `${id} has a canvas`);
      assert.equal(
        await figure
          .locator('[role="img"]')
          .getAttribute('aria-label')
          .then((l) => Boolean(l)),
        true,
      );
      assert.equal(await figure.locator('tbody tr').count(), dayCount);
    }
    /** A chart's table (closed behind its disclosure, so read from the DOM) as `day → figure`. */
    const table = async (id: string) =>
      new Map(
        await page
          .locator(`figure[aria-labelledby="${id}-title"] tbody tr`)
          .evaluateAll((rows) => rows.map((r) => [r.children[0].textContent ?? '', r.children[1].textContent ?? ''] as [string, string])),
      );
    const row = async (id: string, ymd: string) => {
      const value = (await table(id)).get(f.dayMonth(ymd));
      return plain(`${f.dayMonth(ymd)} ${value ?? '(no row)'}`);
    };
    const todayYmd = today.toISODate()!;
    assert.equal(await row('revenue-chart', todayYmd), plain(`${f.dayMonth(todayYmd)} ${f.money(37_000)}`));
    assert.equal(
      await row('revenue-chart', lastMonthDay.toISODate()!),
      plain(`${f.dayMonth(lastMonthDay.toISODate()!)} ${f.money(20_000)}`),
    );
    assert.equal(await row('bookings-chart', todayYmd), plain(`${f.dayMonth(todayYmd)} 3`));
    assert.equal(await row('bookings-chart', lastMonthDay.toISODate()!), plain(`${f.dayMonth(lastMonthDay.toISODate()!)} 1`));
    await page.locator('figure[aria-labelledby="revenue-chart-title"] summary').click();
    assert.deepEqual(await seriousViolations(page), []);
    await page.screenshot({ path: join(SHOTS, 'home-he.png'), fullPage: true });

    // English: the same figures, written the English way, left to right.
    await page.getByRole('button', { name: he['lang.toggle'], exact: true }).click();
    await page.locator('h1').filter({ hasText: 'Hello' }).waitFor();
    assert.deepEqual(await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir })), {
      lang: 'en',
      dir: 'ltr',
    });
    for (const [name, parts] of Object.entries(expectedCards(en, 'en', messages)))
      assert.equal(await card(page, name), plain(parts.join(' ') + ' ' + linkOf(en, name)));
    await chartsDrawn(page);
    assert.deepEqual(await seriousViolations(page), []);
    await page.screenshot({ path: join(SHOTS, 'home-en.png'), fullPage: true });
    await page.getByRole('button', { name: en['lang.toggle'], exact: true }).click();
    await page.locator('h1').filter({ hasText: 'שלום' }).waitFor();
    assert.deepEqual(errors, []);
  });

  it('fits a phone: no sideways scrolling, charts drawn at its width', async () => {
    const { page, errors } = await open(PHONE);
    await logIn(page, owner);
    await chartsDrawn(page);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    assert.ok(scrollWidth <= clientWidth, `page ${scrollWidth}px wide in a ${clientWidth}px screen`);
    const canvas = await page.locator('figure.chart canvas').first().boundingBox();
    assert.ok(canvas && canvas.width <= PHONE.width, `canvas ${canvas?.width}px wide`);
    assert.deepEqual(await seriousViolations(page), []);
    await page.screenshot({ path: join(SHOTS, 'home-phone-he.png'), fullPage: true });
    assert.deepEqual(errors, []);
  });

  it('a new business: helpful empty states, charts that say there is nothing yet; a failed read offers to try again', async () => {
    const { page, errors } = await open();
    // The first stats read fails as a network failure would; the rest of the page still loads.
    let failures = 1;
    await page.route('**/provider/stats**', (route) => (failures-- > 0 ? route.abort('internetdisconnected') : route.continue()));
    await logIn(page, empty);
    const alert = page.locator('section[aria-labelledby="home-figures"] [role="alert"]');
    await alert.waitFor();
    assert.equal(plain(await alert.locator('p').innerText()), plain(he['errors.network']));
    await page.locator('.empty-small').filter({ hasText: he['home.todayEmpty'] }).waitFor();
    await page.locator('.empty-small').filter({ hasText: he['home.eventsEmpty'] }).waitFor();
    await alert.getByRole('button', { name: he['home.retry'] }).click();
    await page
      .locator('[data-card="revenue"] .card-figure')
      .filter({ hasText: formats('he', ZONE, 'ILS').money(0) })
      .waitFor();
    await chartsDrawn(page);
    assert.equal(plain(await page.locator('#revenue-chart-title + p').innerText()), plain(he['home.revenueChartEmpty']));
    assert.equal(plain(await page.locator('#bookings-chart-title + p').innerText()), plain(he['home.bookingsChartEmpty']));
    assert.equal(
      await card(page, 'revenue'),
      plain(
        `${he['home.revenue']} ${formats('he', ZONE, 'ILS').money(0)} ${fill(he['home.revenueLast'], { amount: formats('he', ZONE, 'ILS').money(0) })} ${he['home.revenueNoCompare']} ${he['home.paymentsLink']}`,
      ),
    );
    assert.deepEqual(await seriousViolations(page), []);
    await page.screenshot({ path: join(SHOTS, 'home-empty-he.png'), fullPage: true });
    assert.deepEqual(errors, []);
  });
});

function linkOf(m: Catalogue, card: string): string {
  return m[
    (
      {
        revenue: 'home.paymentsLink',
        bookings: 'home.appointmentsLink',
        customers: 'home.customersLink',
        messages: 'home.messagesLink',
      } as const
    )[card as 'revenue']
  ];
}
