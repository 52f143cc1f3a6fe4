import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { expectProblem, fieldsOf, newBusiness, newMember, type TestBusiness } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const Y = new Date().getUTCFullYear() + 1;
let ipCounter = 0;
const nextIp = () => `198.51.100.${++ipCounter}`;
/** A valid Israeli mobile number, distinct per `n`. */
const phone = (n: number) => `050${String(n).padStart(7, '0')}`;

/** A JSON answer body, read field by field in assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

describe('events', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  async function createEvent(owner: TestBusiness, body: Json = {}): Promise<Json> {
    const res = await t.http
      .post('/api/events')
      .set(owner.auth)
      .send({ title: 'ערב יוגה בגינה', startsAt: `${Y}-07-01T19:00`, endsAt: `${Y}-07-01T21:00`, status: 'published', ...body });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }

  const register = (owner: TestBusiness, eventId: string, body: Json) =>
    t.http.post(`/api/events/${eventId}/registrations`).set(owner.auth).send(body);

  async function registrations(owner: TestBusiness, eventId: string): Promise<Json[]> {
    const res = await t.http.get(`/api/events/${eventId}/registrations`).query({ limit: 100 }).set(owner.auth);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.data;
  }

  const countBy = (rows: Json[]) => rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});

  async function slugOf(owner: TestBusiness): Promise<string> {
    return (await t.http.get('/api/business').set(owner.auth)).body.slug;
  }

  async function activityActions(owner: TestBusiness, customerId: string, expected: string[]): Promise<string[]> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const res = await t.http.get('/api/activity').query({ customerId, limit: 100 }).set(owner.auth);
      const actions: string[] = res.body.data.map((e: { action: string }) => e.action);
      if (expected.every((a) => actions.includes(a)) || Date.now() > deadline) return actions;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('reads local times in the business time zone, keeps offsets, and answers UTC plus local', async () => {
    const owner = await newBusiness(t.http);
    const summer = await createEvent(owner, {
      startsAt: `${Y}-07-01T19:00`,
      endsAt: `${Y}-07-01T21:30:00+03:00`,
      priceAgorot: 18_000,
      capacity: 12,
      location: 'פארק הירקון',
    });
    assert.equal(summer.startsAt, `${Y}-07-01T16:00:00.000Z`);
    assert.equal(summer.endsAt, `${Y}-07-01T18:30:00.000Z`);
    assert.equal(summer.timeZone, 'Asia/Jerusalem');
    assert.equal(summer.localStartsAt, `${Y}-07-01T19:00:00.000+03:00`);
    assert.deepEqual(
      [summer.priceAgorot, summer.currency, summer.capacity, summer.spotsLeft, summer.confirmedCount],
      [18_000, 'ILS', 12, 12, 0],
    );
    const winter = await createEvent(owner, {
      startsAt: `${Y}-01-15T19:00`,
      endsAt: `${Y}-01-15T20:00`,
      registrationDeadline: `${Y}-01-14T12:00`,
    });
    assert.equal(winter.startsAt, `${Y}-01-15T17:00:00.000Z`);
    assert.equal(winter.registrationDeadline, `${Y}-01-14T10:00:00.000Z`);

    const tz = await t.http.patch('/api/business').set(owner.auth).send({ timeZone: 'America/New_York' });
    assert.equal(tz.status, 200, JSON.stringify(tz.body));
    const ny = await createEvent(owner, { startsAt: `${Y}-07-01T19:00`, endsAt: `${Y}-07-01T20:00` });
    assert.equal(ny.startsAt, `${Y}-07-01T23:00:00.000Z`);
    assert.equal(ny.localStartsAt, `${Y}-07-01T19:00:00.000-04:00`);

    const moved = await t.http
      .patch(`/api/events/${summer.id}`)
      .set(owner.auth)
      .send({ startsAt: `${Y}-07-01T18:00`, endsAt: `${Y}-07-01T20:00` });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal(moved.body.startsAt, `${Y}-07-01T22:00:00.000Z`, 'now read in the new zone');
  });

  it('filters upcoming, past and by status; updates and deletes', async () => {
    const owner = await newBusiness(t.http);
    const soon = await createEvent(owner, { startsAt: `${Y}-03-01T10:00`, endsAt: `${Y}-03-01T11:00` });
    const later = await createEvent(owner, { startsAt: `${Y}-05-01T10:00`, endsAt: `${Y}-05-01T11:00`, status: 'draft' });
    const past = await createEvent(owner, { startsAt: `${Y - 3}-05-01T10:00:00Z`, endsAt: `${Y - 3}-05-01T11:00:00Z` });
    const ids = async (query: Json) => (await t.http.get('/api/events').query(query).set(owner.auth)).body.data.map((e: Json) => e.id);
    assert.deepEqual(await ids({ when: 'upcoming' }), [soon.id, later.id]);
    assert.deepEqual(await ids({ when: 'past' }), [past.id]);
    assert.deepEqual(await ids({ status: 'draft' }), [later.id]);
    assert.deepEqual(await ids({ when: 'upcoming', status: 'published' }), [soon.id]);
    assert.deepEqual(await ids({}), [later.id, soon.id, past.id]);

    const patched = await t.http.patch(`/api/events/${later.id}`).set(owner.auth).send({
      title: 'סדנת בישול',
      status: 'published',
      description: null,
      onlineUrl: 'https://meet.example.com/x',
      priceAgorot: 5000,
      currency: 'usd',
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.deepEqual(
      [patched.body.title, patched.body.status, patched.body.onlineUrl, patched.body.currency],
      ['סדנת בישול', 'published', 'https://meet.example.com/x', 'USD'],
    );
    assert.equal((await t.http.get(`/api/events/${later.id}`).set(owner.auth)).body.priceAgorot, 5000);

    assert.equal((await t.http.delete(`/api/events/${later.id}`).set(owner.auth)).status, 204);
    expectProblem(await t.http.get(`/api/events/${later.id}`).set(owner.auth), 404);

    const staff = await newMember(t.http, owner, 'staff');
    expectProblem(
      await t.http
        .post('/api/events')
        .set(staff.auth)
        .send({ title: 'x', startsAt: `${Y}-03-01T10:00`, endsAt: `${Y}-03-01T11:00` }),
      403,
    );
    assert.equal((await t.http.get('/api/events').set(staff.auth)).status, 200, 'staff may read');
  });

  it('refuses invalid input with field paths', async () => {
    const owner = await newBusiness(t.http);
    const empty = expectProblem(await t.http.post('/api/events').set(owner.auth).send({}), 400);
    assert.deepEqual([...new Set(fieldsOf(empty))].sort(), ['endsAt', 'startsAt', 'title']);
    const bad = expectProblem(
      await t.http
        .post('/api/events')
        .set(owner.auth)
        .send({
          title: 'x',
          startsAt: '01/07/2026 19:00',
          endsAt: `${Y}-02-30T10:00`,
          capacity: 0,
          priceAgorot: 10.5,
          currency: 'SHEKEL',
          status: 'cancelled',
          onlineUrl: 'ftp://files.example.com',
          registrationDeadline: 'soon',
        }),
      400,
    );
    assert.deepEqual([...new Set(fieldsOf(bad))].sort(), [
      'capacity',
      'currency',
      'endsAt',
      'onlineUrl',
      'priceAgorot',
      'registrationDeadline',
      'startsAt',
      'status',
    ]);
    const order = expectProblem(
      await t.http
        .post('/api/events')
        .set(owner.auth)
        .send({ title: 'x', startsAt: `${Y}-03-01T10:00`, endsAt: `${Y}-03-01T09:00` }),
      400,
    );
    assert.deepEqual(fieldsOf(order), ['endsAt']);
    const deadline = expectProblem(
      await t.http
        .post('/api/events')
        .set(owner.auth)
        .send({ title: 'x', startsAt: `${Y}-03-01T10:00`, endsAt: `${Y}-03-01T11:00`, registrationDeadline: `${Y}-03-02T10:00` }),
      400,
    );
    assert.deepEqual(fieldsOf(deadline), ['registrationDeadline']);
    assert.deepEqual(fieldsOf(expectProblem(await t.http.get('/api/events').query({ when: 'tomorrow' }).set(owner.auth), 400)), ['when']);

    const event = await createEvent(owner);
    assert.deepEqual(
      fieldsOf(expectProblem(await t.http.patch(`/api/events/${event.id}`).set(owner.auth).send({ title: '', capacity: -1 }), 400)).sort(),
      ['capacity', 'title'],
    );
    const reg = expectProblem(await register(owner, event.id, {}), 400);
    assert.deepEqual([...new Set(fieldsOf(reg))].sort(), ['email', 'firstName']);
    const regBad = expectProblem(await register(owner, event.id, { customerId: 'nope', phone: '123' }), 400);
    assert.deepEqual(fieldsOf(regBad).sort(), ['customerId', 'phone']);
    const both = expectProblem(await register(owner, event.id, { customerId: randomUUID(), firstName: 'x', phone: phone(1) }), 400);
    assert.equal(both.code, 'registration.customer_ambiguous');
    assert.deepEqual(
      fieldsOf(expectProblem(await t.http.get(`/api/events/${event.id}/registrations`).query({ status: 'maybe' }).set(owner.auth), 400)),
      ['status'],
    );
    expectProblem(await t.http.get('/api/events/not-a-uuid').set(owner.auth), 400);
  });

  it("answers 404 for another business's events, registrations and customers", async () => {
    const a = await newBusiness(t.http);
    const b = await newBusiness(t.http);
    const theirs = await createEvent(b);
    const theirReg = (await register(b, theirs.id, { firstName: 'בן', phone: phone(2) })).body;
    const ours = await createEvent(a);

    expectProblem(await t.http.get(`/api/events/${theirs.id}`).set(a.auth), 404);
    expectProblem(await t.http.patch(`/api/events/${theirs.id}`).set(a.auth).send({ title: 'x' }), 404);
    expectProblem(await t.http.delete(`/api/events/${theirs.id}`).set(a.auth), 404);
    expectProblem(await t.http.get(`/api/events/${theirs.id}/registrations`).set(a.auth), 404);
    expectProblem(await register(a, theirs.id, { firstName: 'x', phone: phone(3) }), 404);
    expectProblem(await t.http.delete(`/api/events/${theirs.id}/registrations/${theirReg.id}`).set(a.auth), 404);
    expectProblem(await t.http.delete(`/api/events/${ours.id}/registrations/${theirReg.id}`).set(a.auth), 404);
    assert.equal(expectProblem(await register(a, ours.id, { customerId: theirReg.customerId }), 404).code, 'customer.not_found');
    assert.equal((await t.http.get('/api/events').set(a.auth)).body.meta.total, 1);
    assert.equal((await registrations(b, theirs.id))[0].status, 'confirmed', 'their registration is untouched');
  });

  it('50 parallel registrations to 10 places: exactly 10 confirmed and 40 waitlisted; each freed place promotes exactly the oldest waitlisted', async () => {
    const owner = await newBusiness(t.http);
    const event = await createEvent(owner, { capacity: 10 });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => register(owner, event.id, { firstName: `משתתף ${i}`, phone: phone(100 + i) })),
    );
    assert.deepEqual(
      answers.map((r) => r.status),
      Array(50).fill(201),
      JSON.stringify(answers.find((r) => r.status !== 201)?.body),
    );
    assert.deepEqual(countBy(answers.map((r) => r.body)), { confirmed: 10, waitlisted: 40 });

    const ds = t.app.get(DataSource);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM event_registrations WHERE event_id = $1 AND status = 'confirmed'`, [
      event.id,
    ]);
    assert.equal(n, 10);
    let rows = await registrations(owner, event.id);
    assert.deepEqual(
      rows.map((r) => r.status),
      [...Array(10).fill('confirmed'), ...Array(40).fill('waitlisted')],
      'admission order: the first ten admitted hold the places',
    );
    const shown = (await t.http.get(`/api/events/${event.id}`).set(owner.auth)).body;
    assert.deepEqual([shown.confirmedCount, shown.waitlistedCount, shown.spotsLeft], [10, 40, 0]);

    // One cancellation promotes exactly one: the oldest waitlisted.
    const cancelled = await t.http.delete(`/api/events/${event.id}/registrations/${rows[0].id}`).set(owner.auth);
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.equal(cancelled.body.status, 'cancelled');
    const oldestWaiting = rows[10];
    rows = await registrations(owner, event.id);
    assert.deepEqual(countBy(rows), { cancelled: 1, confirmed: 10, waitlisted: 39 });
    const promoted = rows.filter((r) => r.promotedAt);
    assert.deepEqual(
      promoted.map((r) => r.id),
      [oldestWaiting.id],
    );
    assert.equal(promoted[0].status, 'confirmed');

    // Cancelling again changes nothing; cancelling a waitlisted registration frees no place.
    assert.equal((await t.http.delete(`/api/events/${event.id}/registrations/${rows[0].id}`).set(owner.auth)).body.status, 'cancelled');
    await t.http.delete(`/api/events/${event.id}/registrations/${rows[49].id}`).set(owner.auth);
    assert.deepEqual(countBy(await registrations(owner, event.id)), { cancelled: 2, confirmed: 10, waitlisted: 38 });

    // Five parallel cancellations promote exactly five, in waiting order.
    const confirmedNow = rows.filter((r) => r.status === 'confirmed').slice(0, 5);
    await Promise.all(confirmedNow.map((r) => t.http.delete(`/api/events/${event.id}/registrations/${r.id}`).set(owner.auth)));
    rows = await registrations(owner, event.id);
    assert.deepEqual(countBy(rows), { cancelled: 7, confirmed: 10, waitlisted: 33 });
    assert.deepEqual(
      rows.filter((r) => r.promotedAt).map((r) => r.id),
      rows.slice(10, 16).map((r) => r.id),
    );

    // Raising the capacity fills the new places from the waitlist; it cannot drop below the confirmed.
    const raised = await t.http.patch(`/api/events/${event.id}`).set(owner.auth).send({ capacity: 15 });
    assert.deepEqual([raised.body.confirmedCount, raised.body.waitlistedCount, raised.body.spotsLeft], [15, 28, 0]);
    assert.equal(
      expectProblem(await t.http.patch(`/api/events/${event.id}`).set(owner.auth).send({ capacity: 5 }), 409).code,
      'event.capacity_below_confirmed',
    );

    // The promotion is on the customer's timeline.
    const actions = await activityActions(owner, oldestWaiting.customerId, ['registration.waitlisted', 'registration.promoted']);
    assert.ok(actions.includes('registration.waitlisted') && actions.includes('registration.promoted'), actions.join());
  });

  it('registers a customer once per event (409), by id, by matching contact, and under concurrency', async () => {
    const owner = await newBusiness(t.http);
    const event = await createEvent(owner);
    const first = await register(owner, event.id, { firstName: 'מיכל', lastName: 'אברהם', phone: '052-1234567' });
    assert.equal(first.status, 201);
    assert.deepEqual(first.body.customer, { firstName: 'מיכל', lastName: 'אברהם', email: null, phone: '+972521234567' });
    const customerId = first.body.customerId;
    assert.equal(expectProblem(await register(owner, event.id, { customerId }), 409).code, 'registration.duplicate');
    assert.equal(
      expectProblem(await register(owner, event.id, { firstName: 'מיכל', phone: '+972521234567' }), 409).code,
      'registration.duplicate',
    );

    await t.http.delete(`/api/events/${event.id}/registrations/${first.body.id}`).set(owner.auth);
    const again = await register(owner, event.id, { customerId });
    assert.equal(again.status, 201, 'a cancelled registration does not block a new one');

    const other = await createEvent(owner);
    const racing = await Promise.all(Array.from({ length: 10 }, () => register(owner, other.id, { customerId })));
    assert.deepEqual(racing.map((r) => r.status).sort(), [201, ...Array(9).fill(409)]);
  });

  it('cancelling an event cancels its registrations, records them on timelines, and is final', async () => {
    const owner = await newBusiness(t.http);
    const event = await createEvent(owner, { capacity: 2 });
    const regs = [];
    for (let i = 0; i < 3; i++) regs.push((await register(owner, event.id, { firstName: `אורח ${i}`, phone: phone(300 + i) })).body);
    assert.deepEqual(
      regs.map((r) => r.status),
      ['confirmed', 'confirmed', 'waitlisted'],
    );
    expectProblem(await t.http.delete(`/api/events/${event.id}`).set(owner.auth), 409);

    const cancelled = await t.http.patch(`/api/events/${event.id}`).set(owner.auth).send({ status: 'cancelled' });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.equal(cancelled.body.status, 'cancelled');
    assert.ok(cancelled.body.cancelledAt);
    assert.deepEqual([cancelled.body.confirmedCount, cancelled.body.waitlistedCount], [0, 0]);
    assert.deepEqual(countBy(await registrations(owner, event.id)), { cancelled: 3 });

    assert.equal(
      expectProblem(await t.http.patch(`/api/events/${event.id}`).set(owner.auth).send({ status: 'published' }), 409).code,
      'event.cancelled',
    );
    assert.equal(expectProblem(await register(owner, event.id, { firstName: 'מאוחר', phone: phone(399) }), 409).code, 'event.cancelled');
    for (const r of regs) {
      const actions = await activityActions(owner, r.customerId, ['event.cancelled']);
      assert.ok(actions.includes('event.cancelled'), actions.join());
    }
    assert.equal(
      (await t.http.delete(`/api/events/${event.id}`).set(owner.auth)).status,
      204,
      'only cancelled registrations left: it may go',
    );
  });

  it('public: lists published upcoming events and registers by phone or email', async () => {
    const owner = await newBusiness(t.http);
    const slug = await slugOf(owner);
    const open = await createEvent(owner, { title: 'טעימות יין', capacity: 1, startsAt: `${Y}-02-01T20:00`, endsAt: `${Y}-02-01T22:00` });
    const closed = await createEvent(owner, {
      startsAt: `${Y}-04-01T20:00`,
      endsAt: `${Y}-04-01T22:00`,
      registrationDeadline: `${Y - 2}-01-01T00:00`,
    });
    const draft = await createEvent(owner, { status: 'draft' });
    await createEvent(owner, { startsAt: `${Y - 3}-02-01T20:00`, endsAt: `${Y - 3}-02-01T22:00` });
    const theirs = await createEvent(await newBusiness(t.http));

    const list = await t.http.get(`/api/public/${slug}/events`);
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.data.map((e: Json) => e.id),
      [open.id, closed.id],
    );
    assert.deepEqual(
      [list.body.data[0].spotsLeft, list.body.data[0].registrationOpen, list.body.data[1].registrationOpen],
      [1, true, false],
    );
    assert.equal(list.body.data[0].localStartsAt, `${Y}-02-01T20:00:00.000+02:00`);
    assert.equal('status' in list.body.data[0] || 'confirmedCount' in list.body.data[0], false, 'no internal fields');
    expectProblem(await t.http.get('/api/public/no-such-business/events'), 404);

    const pub = (id: string, body: Json, ip = nextIp()) =>
      t.http.post(`/api/public/${slug}/events/${id}/register`).set('X-Forwarded-For', ip).send(body);
    const dana = await pub(open.id, { firstName: 'דנה', phone: '054-1112233', email: 'dana@example.co.il' });
    assert.equal(dana.status, 201, JSON.stringify(dana.body));
    assert.deepEqual({ status: dana.body.status, eventId: dana.body.eventId }, { status: 'confirmed', eventId: open.id });
    const ron = await pub(open.id, { firstName: 'רון', email: 'ron@example.co.il' });
    assert.equal(ron.body.status, 'waitlisted');
    assert.equal(expectProblem(await pub(open.id, { firstName: 'דנה', phone: '972-54-111-2233' }), 409).code, 'registration.duplicate');
    assert.equal(expectProblem(await pub(open.id, { firstName: 'Dana', email: 'DANA@example.co.il' }), 409).code, 'registration.duplicate');
    expectProblem(await pub(draft.id, { firstName: 'x', phone: phone(500) }), 404);
    expectProblem(await pub(theirs.id, { firstName: 'x', phone: phone(501) }), 404);
    expectProblem(await pub(randomUUID(), { firstName: 'x', phone: phone(502) }), 404);
    assert.equal(expectProblem(await pub(closed.id, { firstName: 'x', phone: phone(503) }), 409).code, 'registration.closed');
    // The same new-customer shape as public booking: a missing contact is reported on phone.
    assert.deepEqual([...new Set(fieldsOf(expectProblem(await pub(open.id, {}), 400)))].sort(), ['firstName', 'phone']);
    assert.deepEqual(fieldsOf(expectProblem(await pub(open.id, { firstName: 'x', phone: '12', customerId: randomUUID() }), 400)).sort(), [
      'customerId',
      'phone',
    ]);

    const rows = await registrations(owner, open.id);
    assert.deepEqual(
      rows.map((r) => [r.customer.firstName, r.source, r.status]),
      [
        ['דנה', 'public', 'confirmed'],
        ['רון', 'public', 'waitlisted'],
      ],
    );
    const activity = await activityActions(owner, rows[0].customerId, ['registration.confirmed']);
    assert.ok(activity.includes('registration.confirmed'));
  });

  it('rate-limits public registration per address', async () => {
    const owner = await newBusiness(t.http);
    const slug = await slugOf(owner);
    const event = await createEvent(owner);
    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push(
        (
          await t.http
            .post(`/api/public/${slug}/events/${event.id}/register`)
            .set('X-Forwarded-For', ip)
            .send({ firstName: 'x', phone: phone(600 + i) })
        ).status,
      );
    }
    assert.deepEqual(statuses, [...Array(10).fill(201), 429]);
    // Each accepted sign-up is in the activity log (recorded after the answer: wait for it).
    const deadline = Date.now() + 10_000;
    let total = 0;
    while (total < 10 && Date.now() < deadline) {
      total = (await t.http.get('/api/activity').query({ action: 'registration.confirmed' }).set(owner.auth)).body.meta.total;
      if (total < 10) await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(total, 10);
  });
});
