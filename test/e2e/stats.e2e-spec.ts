import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { expectProblem, fieldsOf, newBusiness, type TestBusiness } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ISSUER = { legalName: 'סטודיו דנה בע"מ', taxId: '515555555', address: 'רחוב הרצל 1, תל אביב', phone: '03-5551234' };
const APPROVE = '4580000000000000';
const ZERO = {
  revenueAgorot: 0,
  paidAgorot: 0,
  refundedAgorot: 0,
  payments: 0,
  bookings: 0,
  cancelledBookings: 0,
  registrations: 0,
  newCustomers: 0,
  messages: 0,
};

/**
 * GET /provider/stats and /provider/customers over HTTP with real auth, on a
 * data set made through the API (payments paid on the sandbox page and refunded
 * through the gateway, appointments moved through their statuses, event
 * registrations) and then dated by SQL around the end of October 2025 in
 * Asia/Jerusalem (UTC+2 then: 22:00Z on Oct 31 is midnight of Nov 1), so every
 * figure below is known exactly. Messages are written to the message log
 * directly with their dates. A second business has data in the same days.
 */
describe('provider stats', () => {
  let t: TestApp;
  let ds: DataSource;
  let a: TestBusiness;
  let b: TestBusiness;
  const ids: Record<string, string> = {};

  const stats = (who: { auth: Record<string, string> } | Record<string, string>, query: Record<string, string> = {}) =>
    t.http
      .get('/provider/stats')
      .query(query)
      .set('auth' in who ? (who.auth as Record<string, string>) : who);

  const customer = async (owner: TestBusiness, firstName: string, phone: string, createdAt: string) => {
    const res = await t.http.post('/api/customers').set(owner.auth).send({ firstName, lastName: 'כהן', phone }).expect(201);
    await ds.query(`UPDATE customers SET created_at = $2 WHERE id = $1`, [res.body.id, createdAt]);
    return res.body.id as string;
  };

  /** A payment paid on the sandbox page (the sweeper settles it: the webhook URL is a closed port), dated `paidAt`. */
  const paid = async (owner: TestBusiness, customerId: string, amount: number, paidAt: string) => {
    const res = await t.http.post('/api/payments').set(owner.auth).send({ customerId, amount, description: 'טיפול' }).expect(201);
    await t.http.post(new URL(res.body.pageUrl).pathname).type('form').send({ cardNumber: APPROVE }).expect(303);
    await until(`payment ${res.body.id} paid`, async () => {
      const p = (await t.http.get(`/api/payments/${res.body.id}`).set(owner.auth)).body;
      return p.status === 'paid' && p.invoiceId;
    });
    await ds.query(`UPDATE payments SET paid_at = $2 WHERE id = $1`, [res.body.id, paidAt]);
    return res.body.id as string;
  };

  /** A refund through the gateway, dated `at`. */
  const refund = async (owner: TestBusiness, paymentId: string, amount: number, at: string) => {
    await t.http.post(`/api/payments/${paymentId}/refund`).set(owner.auth).send({ amount }).expect(200);
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [rows] = await ds.query(
      `UPDATE payment_refunds SET created_at = $2 WHERE payment_id = $1 AND status = 'succeeded' AND created_at > now() - interval '1 hour'
       RETURNING id`,
      [paymentId, at],
    );
    assert.equal(rows.length, 1);
  };

  const book = async (owner: TestBusiness, body: Json, then?: 'cancel' | 'confirm' | 'complete' | 'no-show') => {
    const res = await t.http.post('/api/appointments').set(owner.auth).send(body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    if (then) await t.http.post(`/api/appointments/${res.body.id}/${then}`).set(owner.auth).send({}).expect(200);
    return res.body.id as string;
  };

  const message = (owner: TestBusiness, at: string, status: string) =>
    ds.query(`INSERT INTO stream_documents (id, business_id, stream, at, fields) VALUES ($1, $2, 'messages', $3, $4::jsonb)`, [
      randomUUID(),
      owner.businessId,
      at,
      JSON.stringify({ channel: 'email', kind: 'transactional', status, to: 'dana@example.co.il', text: 'שלום' }),
    ]);

  before(async () => {
    t = await startTestApp({ PUBLIC_URL: 'http://127.0.0.1:9', PAYMENT_SWEEP_INTERVAL_MS: '200' });
    ds = t.app.get(DataSource);
    a = await newBusiness(t.http);
    b = await newBusiness(t.http, { businessName: 'עסק אחר' });
    for (const owner of [a, b]) await t.http.patch('/api/invoices/settings').set(owner.auth).send(ISSUER).expect(200);

    // Customers: two new in October (one at 23:30 on Oct 31), two in November (one at 00:30 on Nov 1).
    ids.dana = await customer(a, 'דנה', '+972521000001', '2025-10-15T10:00:00Z');
    ids.yossi = await customer(a, 'יוסי', '+972521000002', '2025-10-31T21:30:00Z');
    ids.ronit = await customer(a, 'רונית', '+972521000003', '2025-10-31T22:30:00Z');
    ids.avi = await customer(a, 'אבי', '+972521000004', '2025-11-20T10:00:00Z');

    // Payments: 42,000 paid in October; 28,000 in November (one at midnight of Nov 1); refunds of 18,000 in November,
    // 10,000 of them of an October payment. A pending payment counts nowhere.
    const p1 = await paid(a, ids.dana, 30_000, '2025-10-20T08:00:00Z');
    await paid(a, ids.yossi, 12_000, '2025-10-31T21:59:59Z');
    await paid(a, ids.dana, 20_000, '2025-10-31T22:00:00Z');
    const p4 = await paid(a, ids.ronit, 8_000, '2025-11-05T10:00:00Z');
    await refund(a, p1, 10_000, '2025-11-02T10:00:00Z');
    await refund(a, p4, 8_000, '2025-11-06T10:00:00Z');
    await t.http.post('/api/payments').set(a.auth).send({ customerId: ids.avi, amount: 50_000, description: 'לא שולם' }).expect(201);

    // Appointments on a staff member's calendar and a chair, of two services.
    const [owner] = (await t.http.get('/api/business/members').set(a.auth).expect(200)).body.data;
    ids.staff = (
      await t.http.post('/api/calendars').set(a.auth).send({ kind: 'member', memberId: owner.id, name: 'דנה לוי' }).expect(201)
    ).body.id;
    ids.chair = (await t.http.post('/api/calendars').set(a.auth).send({ kind: 'resource', name: 'כיסא 2' }).expect(201)).body.id;
    const service = async (name: string) =>
      (
        await t.http
          .post('/api/services')
          .set(a.auth)
          .send({ name, durationMinutes: 30, priceAgorot: 12_000, calendarIds: [ids.staff, ids.chair] })
          .expect(201)
      ).body.id as string;
    ids.haircut = await service('תספורת');
    ids.colour = await service('צבע');
    const at = (serviceId: string, calendarId: string, startsAt: string, status?: string) => ({
      serviceId,
      calendarId,
      startsAt,
      customerId: ids.dana,
      ...(status ? { status } : {}),
    });
    await book(a, at(ids.haircut, ids.staff, '2025-10-20T07:00:00Z'), 'complete');
    await book(a, at(ids.haircut, ids.chair, '2025-10-31T21:00:00Z', 'pending'), 'confirm');
    await book(a, at(ids.colour, ids.staff, '2025-11-01T08:00:00Z'), 'cancel');
    await book(a, at(ids.haircut, ids.staff, '2025-11-03T08:00:00Z'), 'no-show');
    await book(a, at(ids.colour, ids.chair, '2025-11-10T08:00:00Z', 'pending'));
    await book(a, at(ids.haircut, ids.staff, '2025-12-01T08:00:00Z')); // after the period

    // Registrations: one in October, two in November (one of them cancelled).
    const event = (
      await t.http
        .post('/api/events')
        .set(a.auth)
        .send({ title: 'סדנה', startsAt: '2030-01-10T19:00', endsAt: '2030-01-10T21:00', capacity: 1, status: 'published' })
        .expect(201)
    ).body.id;
    const register = async (customerId: string, createdAt: string) => {
      const res = await t.http.post(`/api/events/${event}/registrations`).set(a.auth).send({ customerId }).expect(201);
      await ds.query(`UPDATE event_registrations SET created_at = $2 WHERE id = $1`, [res.body.id, createdAt]);
      return res.body.id as string;
    };
    await register(ids.dana, '2025-10-10T10:00:00Z');
    await register(ids.yossi, '2025-11-01T10:00:00Z');
    const gone = await register(ids.ronit, '2025-11-02T10:00:00Z');
    await t.http.delete(`/api/events/${event}/registrations/${gone}`).set(a.auth).expect(200);

    await message(a, '2025-10-05T10:00:00Z', 'sent');
    await message(a, '2025-10-31T21:59:00Z', 'delivered');
    await message(a, '2025-11-01T00:01:00Z', 'failed');
    await message(a, '2025-11-15T10:00:00Z', 'sent');

    // The other business, on the same days: one of everything.
    const theirs = await customer(b, 'זר', '+972521000001', '2025-10-31T23:00:00Z');
    await paid(b, theirs, 99_900, '2025-11-01T10:00:00Z');
    await message(b, '2025-11-01T10:00:00Z', 'sent');
  });
  after(() => t?.close());

  it('counts a two-month period by month in the business time zone', async () => {
    const res = await stats(a, { from: '2025-10-01', to: '2025-12-01', granularity: 'month' }).expect(200);
    const s = res.body;
    assert.equal(s.from, '2025-09-30T21:00:00.000Z');
    assert.equal(s.to, '2025-11-30T22:00:00.000Z');
    assert.equal(s.timeZone, 'Asia/Jerusalem');
    assert.equal(s.granularity, 'month');
    assert.equal(s.currency, 'ILS');
    const october = {
      revenueAgorot: 42_000,
      paidAgorot: 42_000,
      refundedAgorot: 0,
      payments: 2,
      bookings: 2,
      cancelledBookings: 0,
      registrations: 1,
      newCustomers: 2,
      messages: 2,
    };
    const november = {
      revenueAgorot: 10_000,
      paidAgorot: 28_000,
      refundedAgorot: 18_000,
      payments: 2,
      bookings: 2,
      cancelledBookings: 1,
      registrations: 1,
      newCustomers: 2,
      messages: 2,
    };
    assert.deepEqual(s.series, [
      { date: '2025-10-01', ...october },
      { date: '2025-11-01', ...november },
    ]);
    assert.deepEqual(s.totals, {
      revenueAgorot: 52_000,
      paidAgorot: 70_000,
      refundedAgorot: 18_000,
      payments: 4,
      bookings: 4,
      cancelledBookings: 1,
      registrations: 2,
      newCustomers: 4,
      messages: 4,
    });
    assert.deepEqual(s.bookingsByStatus, { pending: 1, confirmed: 1, completed: 1, no_show: 1, cancelled: 1 });
    assert.deepEqual(s.registrationsByStatus, { confirmed: 1, waitlisted: 1, cancelled: 1 });
    assert.deepEqual(s.messagesByStatus, { queued: 0, sending: 0, sent: 2, delivered: 1, read: 0, failed: 1, bounced: 0, suppressed: 0 });
    // Ronit's payment was refunded in full: a net of 0 is no spend.
    assert.deepEqual(s.topCustomers, [
      { customerId: ids.dana, firstName: 'דנה', lastName: 'כהן', revenueAgorot: 40_000, payments: 2 },
      { customerId: ids.yossi, firstName: 'יוסי', lastName: 'כהן', revenueAgorot: 12_000, payments: 1 },
    ]);
    assert.deepEqual(s.bookingsByService, [
      { serviceId: ids.haircut, name: 'תספורת', bookings: 3, cancelled: 0 },
      { serviceId: ids.colour, name: 'צבע', bookings: 1, cancelled: 1 },
    ]);
    assert.deepEqual(
      s.bookingsByStaff.map((r: Json) => ({ ...r, memberId: r.memberId ? 'member' : null })),
      [
        { calendarId: ids.staff, name: 'דנה לוי', kind: 'member', memberId: 'member', bookings: 2, cancelled: 1 },
        { calendarId: ids.chair, name: 'כיסא 2', kind: 'resource', memberId: null, bookings: 2, cancelled: 0 },
      ],
    );
  });

  it('buckets by local day across midnight of Nov 1, zero-filled, with a refund of an earlier payment as negative revenue', async () => {
    const s = (await stats(a, { from: '2025-10-30', to: '2025-11-03', granularity: 'day' }).expect(200)).body;
    assert.deepEqual(s.series, [
      { date: '2025-10-30', ...ZERO },
      { date: '2025-10-31', ...ZERO, revenueAgorot: 12_000, paidAgorot: 12_000, payments: 1, bookings: 1, newCustomers: 1, messages: 1 },
      {
        date: '2025-11-01',
        ...ZERO,
        revenueAgorot: 20_000,
        paidAgorot: 20_000,
        payments: 1,
        cancelledBookings: 1,
        registrations: 1,
        newCustomers: 1,
        messages: 1,
      },
      { date: '2025-11-02', ...ZERO, revenueAgorot: -10_000, refundedAgorot: 10_000 },
    ]);
    assert.deepEqual(s.registrationsByStatus, { confirmed: 0, waitlisted: 1, cancelled: 1 });
    // In these days Dana paid 20,000 and had 10,000 refunded; Yossi paid 12,000.
    assert.deepEqual(
      s.topCustomers.map((c: Json) => [c.firstName, c.revenueAgorot, c.payments]),
      [
        ['יוסי', 12_000, 1],
        ['דנה', 10_000, 1],
      ],
    );
  });

  it('takes date-times: with an offset as instants, without one in the business time zone', async () => {
    // 23:59:59 on Oct 31 local, to midnight: only Yossi's payment at 23:59:59.
    const s = (await stats(a, { from: '2025-10-31T23:59:59', to: '2025-10-31T22:00:00Z' }).expect(200)).body;
    assert.equal(s.from, '2025-10-31T21:59:59.000Z');
    assert.deepEqual(s.series, [{ date: '2025-10-31', ...ZERO, revenueAgorot: 12_000, paidAgorot: 12_000, payments: 1 }]);
  });

  it("never counts another business's data", async () => {
    const theirs = (await stats(b, { from: '2025-10-01', to: '2025-12-01', granularity: 'month' }).expect(200)).body;
    assert.deepEqual(theirs.totals, { ...ZERO, revenueAgorot: 99_900, paidAgorot: 99_900, payments: 1, newCustomers: 1, messages: 1 });
    assert.equal(theirs.topCustomers.length, 1);
    assert.deepEqual(theirs.bookingsByService, []);
    assert.deepEqual(theirs.bookingsByStaff, []);
    // A's figures above add up without B's 99,900 and B's customer, message and payment.
  });

  it('defaults to the current month by day; an API key works like a login', async () => {
    const key = (await t.http.post('/api/api-keys').set(a.auth).send({ name: 'dashboard', role: 'staff' }).expect(201)).body.key;
    const s = (await stats({ 'x-api-key': key }).expect(200)).body;
    assert.equal(s.granularity, 'day');
    assert.equal(s.series[0].date.slice(8), '01');
    assert.ok(s.series.length >= 28 && s.series.length <= 31);
    assert.equal(new Date(s.to).getTime() > Date.now(), true);
  });

  it('refuses a bad period with 400 problem+json naming the field', async () => {
    const refused = async (query: Record<string, string>, field: string) => {
      const body = expectProblem(await stats(a, query), 400);
      assert.deepEqual(fieldsOf(body), [field], JSON.stringify(body));
    };
    await refused({ from: '2025-11-02', to: '2025-11-01' }, 'to');
    await refused({ from: '2025-11-01', to: '2025-11-01' }, 'to');
    await refused({ from: '2025-02-30' }, 'from');
    await refused({ to: 'next week' }, 'to');
    await refused({ granularity: 'week' }, 'granularity');
    await refused({ from: '2024-01-01', to: '2025-01-02', granularity: 'day' }, 'to');
    await refused({ from: '2015-01-01', to: '2025-01-02', granularity: 'month' }, 'to');
    const body = expectProblem(await stats(a, { from: '2024-01-01', to: '2025-01-02' }), 400);
    assert.equal(body.code, 'stats.invalid_period');
    await stats(a, { from: '2024-01-01', to: '2025-01-01', granularity: 'day' }).expect(200);
  });

  it('answers 401 without credentials, and lives outside /api', async () => {
    expectProblem(await t.http.get('/provider/stats'), 401);
    expectProblem(await t.http.get('/provider/customers'), 401);
    expectProblem(await t.http.get('/provider/stats').set('Authorization', 'Bearer nope'), 401);
    expectProblem(await t.http.get('/api/provider/stats').set(a.auth), 404);
  });

  it('lists customers with spend, visits and last activity, searchable and sortable like /api/customers', async () => {
    // Spend is kept by the documents the payments issued (credit notes for refunds), in the background.
    const dana = await until('Dana spend and visit kept', async () => {
      const res = await t.http.get('/provider/customers').query({ q: 'דנה' }).set(a.auth).expect(200);
      const row = res.body.data[0];
      return row && row.spendAgorot === 40_000 && row.visits === 1 ? res.body : null;
    });
    assert.equal(dana.meta.total, 1);
    assert.deepEqual(Object.keys(dana.data[0]).sort(), [
      'archived',
      'createdAt',
      'currency',
      'email',
      'firstName',
      'id',
      'lastActivityAt',
      'lastName',
      'phone',
      'spendAgorot',
      'tags',
      'visits',
    ]);
    assert.equal(dana.data[0].id, ids.dana);
    assert.equal(dana.data[0].currency, 'ILS');
    assert.ok(dana.data[0].lastActivityAt);

    // Ronit's payment was refunded in full (its credit note took it off); Avi's was never paid.
    await until('every spend kept', async () => {
      const res = await t.http.get('/provider/customers').query({ sort: 'totalSpendAgorot', order: 'desc' }).set(a.auth).expect(200);
      const spend = res.body.data.map((c: Json) => `${c.firstName}:${c.spendAgorot}`);
      return spend.slice(0, 2).join() === 'דנה:40000,יוסי:12000' && [...spend.slice(2)].sort().join() === 'אבי:0,רונית:0';
    });
    const page = (await t.http.get('/provider/customers').query({ limit: 2, page: 2, total: 'false' }).set(a.auth).expect(200)).body;
    assert.deepEqual(page.meta, { page: 2, limit: 2, total: null });
    assert.equal(page.data.length, 2);
    const theirs = (await t.http.get('/provider/customers').set(b.auth).expect(200)).body;
    assert.deepEqual(
      theirs.data.map((c: Json) => c.firstName),
      ['זר'],
    );
    const body = expectProblem(await t.http.get('/provider/customers').query({ sort: 'password' }).set(a.auth), 400);
    assert.deepEqual(fieldsOf(body), ['sort']);
  });
});
