import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { expectProblem, fieldsOf, newBusiness, type TestBusiness } from '../support/factories';
import { localDate, localTime, newBookable, newCustomer, tally } from '../support/scheduling';
import { startTestApp, type TestApp } from '../support/test-app';

describe('appointments', () => {
  let t: TestApp;
  let owner: TestBusiness;
  before(async () => {
    t = await startTestApp();
    owner = await newBusiness(t.http);
  });
  after(() => t.close());

  const book = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.http.post('/api/appointments').set(owner.auth).set(headers).send(body);

  it('books a new customer, answers UTC plus the local time, and the slot disappears from the free times', async () => {
    const b = await newBookable(t.http, owner, { duration: 45 });
    const startsAt = localTime(5, '10:00');
    const res = await book({ ...b, startsAt, customer: { ...newCustomer(), phone: '052-1234567' }, notes: 'בלי מכונה' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.startsAt, new Date(startsAt).toISOString());
    assert.equal(res.body.endsAt, new Date(new Date(startsAt).getTime() + 45 * 60_000).toISOString());
    assert.equal(res.body.localStartsAt.slice(11, 16), '10:00');
    assert.equal(res.body.timeZone, 'Asia/Jerusalem');
    assert.equal(res.body.status, 'confirmed');
    assert.equal(res.body.source, 'staff');
    assert.equal(res.body.serviceName, 'תספורת גברים');
    assert.equal(res.body.priceAgorot, 12000);
    assert.equal(res.body.customer.phone, '+972521234567');

    const slots = await t.http
      .get('/api/appointments/slots')
      .set(owner.auth)
      .query({ serviceId: b.serviceId, from: localDate(5), to: localDate(5) });
    assert.equal(slots.status, 200, JSON.stringify(slots.body));
    const starts = slots.body.slots.map((s: { localStartsAt: string }) => s.localStartsAt.slice(11, 16));
    assert.ok(starts.includes('09:15') && starts.includes('10:45'));
    for (const taken of ['09:30', '10:00', '10:30']) assert.ok(!starts.includes(taken), `${taken} overlaps the booking`);
    assert.deepEqual(slots.body.slots[0].calendarIds, [b.calendarId]);

    const got = await t.http.get(`/api/appointments/${res.body.id}`).set(owner.auth);
    assert.deepEqual(got.body, res.body);
  });

  it('lets exactly one of 100 parallel bookings of the same slot through: 1 × 201, 99 × 409, no 5xx', async () => {
    const b = await newBookable(t.http, owner, { duration: 60, bufferAfter: 10 });
    const customer = (await book({ ...b, startsAt: localTime(20, '08:00'), customer: newCustomer() })).body.customerId;
    const startsAt = localTime(6, '12:00');
    const results = await Promise.all(Array.from({ length: 100 }, () => book({ ...b, startsAt, customerId: customer })));
    assert.deepEqual(tally(results.map((r) => r.status)), { 201: 1, 409: 99 });
    const conflict = results.find((r) => r.status === 409)!;
    assert.equal(expectProblem(conflict, 409).code, 'appointment.conflict');
    assert.match(String(conflict.body.detail), new RegExp(new Date(startsAt).toISOString()));
    const [{ n }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM appointments WHERE calendar_id = $1 AND starts_at = $2`, [b.calendarId, startsAt]);
    assert.equal(n, 1);
  });

  it('lets exactly one of 100 parallel overlapping (not identical) bookings through', async () => {
    const b = await newBookable(t.http, owner, { duration: 120 });
    const customerId = (await book({ ...b, startsAt: localTime(21, '08:00'), customer: newCustomer() })).body.customerId;
    // Starts 10:00, 10:01 … 11:39: every pair overlaps (120-minute appointments).
    const base = new Date(localTime(7, '10:00')).getTime();
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => book({ ...b, customerId, startsAt: new Date(base + i * 60_000).toISOString() })),
    );
    assert.deepEqual(tally(results.map((r) => r.status)), { 201: 1, 409: 99 });
    const rows = await t.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n FROM appointments WHERE calendar_id = $1 AND status <> 'cancelled' AND starts_at >= $2 AND starts_at < $3`,
        [b.calendarId, new Date(base), new Date(base + 100 * 60_000)],
      );
    assert.equal(rows[0].n, 1);
  });

  it('refuses a reschedule onto a taken slot with 409 and leaves the original unchanged', async () => {
    const b = await newBookable(t.http, owner, { duration: 30, bufferBefore: 15 });
    const first = await book({ ...b, startsAt: localTime(8, '10:00'), customer: newCustomer() });
    const second = await book({ ...b, startsAt: localTime(8, '11:00'), customer: newCustomer('מירב', 'לוי') });
    assert.equal(second.status, 201);
    // 10:30 + 15 min buffer before = 10:15, which is still inside 10:00–10:30? No: 10:15 < 10:30, so it overlaps.
    const moved = await t.http
      .patch(`/api/appointments/${second.body.id}`)
      .set(owner.auth)
      .send({ startsAt: localTime(8, '10:30') });
    assert.equal(expectProblem(moved, 409).code, 'appointment.conflict');
    const after = await t.http.get(`/api/appointments/${second.body.id}`).set(owner.auth);
    assert.equal(after.body.startsAt, second.body.startsAt);
    assert.equal(after.body.updatedAt, second.body.updatedAt);

    const ok = await t.http
      .patch(`/api/appointments/${second.body.id}`)
      .set(owner.auth)
      .send({ startsAt: localTime(8, '10:45'), notes: 'הוזז' });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.localStartsAt.slice(11, 16), '10:45');
    assert.equal(ok.body.notes, 'הוזז');
    // Cancelling frees the time for others.
    assert.equal((await t.http.post(`/api/appointments/${first.body.id}/cancel`).set(owner.auth).send({ reason: 'ביטול' })).status, 200);
    assert.equal((await book({ ...b, startsAt: localTime(8, '10:00'), customerId: first.body.customerId })).status, 201);
  });

  it('allows only valid transitions (409 otherwise) and counts a completed visit on the customer', async () => {
    const b = await newBookable(t.http, owner);
    const pending = await book({ ...b, startsAt: localTime(9, '10:00'), customer: newCustomer(), status: 'pending' });
    assert.equal(pending.body.status, 'pending');
    const id = pending.body.id;
    const post = (action: string, body: object = {}) => t.http.post(`/api/appointments/${id}/${action}`).set(owner.auth).send(body);
    assert.equal((await post('confirm')).body.status, 'confirmed');
    assert.equal(expectProblem(await post('confirm'), 409).code, 'appointment.invalid_transition');
    // What happened at an appointment is recorded once it has started, not before.
    assert.equal(expectProblem(await post('no-show'), 409).code, 'appointment.not_started');
    assert.equal(expectProblem(await post('complete'), 409).code, 'appointment.not_started');
    await t.app.get(DataSource).query(
      `UPDATE appointments SET starts_at = starts_at - interval '30 days', ends_at = ends_at - interval '30 days',
           blocked_from = blocked_from - interval '30 days', blocked_to = blocked_to - interval '30 days' WHERE id = $1`,
      [id],
    );
    const done = await post('complete');
    assert.equal(done.body.status, 'completed');
    for (const action of ['cancel', 'confirm', 'no-show', 'complete'])
      assert.equal(expectProblem(await post(action), 409).code, 'appointment.invalid_transition');
    expectProblem(
      await t.http
        .patch(`/api/appointments/${id}`)
        .set(owner.auth)
        .send({ startsAt: localTime(9, '12:00') }),
      409,
    );

    const customer = await t.http.get(`/api/customers/${pending.body.customerId}`).set(owner.auth);
    assert.equal(customer.body.visitCount, 1);
    const timeline = await t.http.get(`/api/customers/${pending.body.customerId}/timeline`).set(owner.auth).query({ limit: 50 });
    const actions = timeline.body.data.map((e: { action: string }) => e.action);
    for (const a of ['appointment.booked', 'appointment.confirmed', 'appointment.completed'])
      assert.ok(actions.includes(a), `${a} in ${actions}`);

    const cancelled = await book({ ...b, startsAt: localTime(9, '13:00'), customerId: pending.body.customerId });
    const c = await t.http.post(`/api/appointments/${cancelled.body.id}/cancel`).set(owner.auth).send({ reason: 'הלקוח חולה' });
    assert.deepEqual([c.body.status, c.body.cancellationReason, c.body.cancelledBy], ['cancelled', 'הלקוח חולה', 'staff']);
    assert.equal(
      expectProblem(await t.http.post(`/api/appointments/${cancelled.body.id}/cancel`).set(owner.auth).send({}), 409).code,
      'appointment.invalid_transition',
    );
  });

  it("answers 404 for another business's appointments, services, calendars and customers", async () => {
    const b = await newBookable(t.http, owner);
    const mine = await book({ ...b, startsAt: localTime(10, '10:00'), customer: newCustomer() });
    const other = await newBusiness(t.http, { businessName: 'מספרה אחרת' });
    const theirs = await newBookable(t.http, other);
    const as = (path: string) => t.http.get(path).set(other.auth);
    expectProblem(await as(`/api/appointments/${mine.body.id}`), 404);
    expectProblem(await t.http.post(`/api/appointments/${mine.body.id}/cancel`).set(other.auth).send({}), 404);
    expectProblem(
      await t.http
        .patch(`/api/appointments/${mine.body.id}`)
        .set(other.auth)
        .send({ startsAt: localTime(10, '12:00') }),
      404,
    );
    expectProblem(await as(`/api/services/${b.serviceId}`), 404);
    expectProblem(await as(`/api/calendars/${b.calendarId}`), 404);
    const cross = await t.http
      .post('/api/appointments')
      .set(other.auth)
      .send({ ...theirs, startsAt: localTime(10, '10:00'), customerId: mine.body.customerId });
    assert.equal(expectProblem(cross, 404).code, 'customer.not_found');
    const crossService = await t.http
      .post('/api/appointments')
      .set(other.auth)
      .send({ serviceId: b.serviceId, calendarId: theirs.calendarId, startsAt: localTime(10, '10:00'), customer: newCustomer() });
    assert.equal(expectProblem(crossService, 404).code, 'service.not_found');
    const list = await t.http.get('/api/appointments').set(other.auth);
    assert.equal(list.body.meta.total, 0);
  });

  it('validates with field paths (400)', async () => {
    const res = await book({
      serviceId: 'x',
      calendarId: 'y',
      startsAt: '2026-03-27T10:00:00',
      customer: { firstName: '', phone: '123' },
      extra: 1,
    });
    const fields = fieldsOf(expectProblem(res, 400));
    for (const f of ['serviceId', 'calendarId', 'startsAt', 'customer.firstName', 'customer.phone', 'extra'])
      assert.ok(fields.includes(f), `${f} in ${fields}`);
    const slots = await t.http
      .get('/api/appointments/slots')
      .set(owner.auth)
      .query({ serviceId: 'nope', from: '27/03/2026', to: '2026-03-27' });
    assert.deepEqual(fieldsOf(expectProblem(slots, 400)).sort(), ['from', 'serviceId']);
    const b = await newBookable(t.http, owner);
    const tooLong = await t.http
      .get('/api/appointments/slots')
      .set(owner.auth)
      .query({ serviceId: b.serviceId, from: localDate(1), to: localDate(90) });
    assert.deepEqual(fieldsOf(expectProblem(tooLong, 400)), ['to']);
  });

  it('replays the same Idempotency-Key and body, refuses another body with 422, and resolves concurrent duplicates to one booking', async () => {
    const b = await newBookable(t.http, owner);
    const body = { ...b, startsAt: localTime(11, '10:00'), customer: newCustomer() };
    const first = await book(body, { 'Idempotency-Key': 'order-1' });
    const again = await book(body, { 'Idempotency-Key': 'order-1' });
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(again.body, first.body);
    const other = await book({ ...body, startsAt: localTime(11, '11:00') }, { 'Idempotency-Key': 'order-1' });
    assert.equal(expectProblem(other, 422).code, 'idempotency.key_reused');

    const racing = { ...b, startsAt: localTime(11, '14:00'), customerId: first.body.customerId };
    const results = await Promise.all(Array.from({ length: 20 }, () => book(racing, { 'Idempotency-Key': 'race-1' })));
    assert.deepEqual(tally(results.map((r) => r.status)), { 201: 20 });
    assert.equal(new Set(results.map((r) => r.body.id)).size, 1);
  });

  it('lists with filters', async () => {
    const b = await newBookable(t.http, owner, { name: 'עיסוי' });
    const a1 = await book({ ...b, startsAt: localTime(12, '10:00'), customer: newCustomer() });
    await book({ ...b, startsAt: localTime(13, '10:00'), customerId: a1.body.customerId, status: 'pending' });
    const q = (query: Record<string, string>) =>
      t.http
        .get('/api/appointments')
        .set(owner.auth)
        .query({ serviceId: b.serviceId, ...query });
    assert.equal((await q({})).body.meta.total, 2);
    assert.equal((await q({ status: 'pending' })).body.meta.total, 1);
    assert.equal((await q({ status: 'pending,confirmed' })).body.meta.total, 2);
    assert.equal((await q({ from: localTime(13, '00:00') })).body.meta.total, 1);
    const byCustomer = await q({ customerId: a1.body.customerId, to: localTime(13, '00:00') });
    assert.deepEqual(
      byCustomer.body.data.map((a: { id: string }) => a.id),
      [a1.body.id],
    );
  });
});
