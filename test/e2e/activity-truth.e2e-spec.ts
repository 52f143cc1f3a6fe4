// The activity log tells the truth: one entry per effect, none for a replay
// or a refused request, and always the real actor.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectProblem, newBusiness, type TestBusiness } from '../support/factories';
import { localTime, newBookable, newCustomer } from '../support/scheduling';
import { startTestApp, type TestApp } from '../support/test-app';

type Entry = { action: string; actorType: string; actorId: string | null; entityId: string | null; requestId: string | null };
const settle = () => new Promise((r) => setTimeout(r, 300));

describe('activity log truth', () => {
  let t: TestApp;
  let owner: TestBusiness;
  before(async () => {
    t = await startTestApp();
    owner = await newBusiness(t.http);
  });
  after(() => t.close());

  const entries = async (query: Record<string, string>): Promise<Entry[]> => {
    await settle();
    return (
      await t.http
        .get('/api/activity')
        .set(owner.auth)
        .query({ ...query, limit: 100 })
    ).body.data as Entry[];
  };
  const book = (body: object, headers: Record<string, string> = owner.auth) => t.http.post('/api/appointments').set(headers).send(body);

  it('a booking with a new customer writes one booking entry and one customer entry, both by the person who booked', async () => {
    const b = await newBookable(t.http, owner);
    const res = await book(
      { ...b, startsAt: localTime(3, '10:00'), customer: newCustomer() },
      { ...owner.auth, 'X-Request-Id': 'book-once' },
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const onAppointment = await entries({ entityId: res.body.id });
    assert.deepEqual(
      onAppointment.map((e) => [e.action, e.actorType, e.actorId, e.requestId]),
      [['appointment.booked', 'user', owner.userId, 'book-once']],
    );
    const onCustomer = await entries({ entityId: res.body.customerId, entityType: 'customer' });
    assert.deepEqual(
      onCustomer.map((e) => [e.action, e.actorType, e.actorId]),
      [['customer.created', 'user', owner.userId]],
    );
  });

  it('an Idempotency-Key replay, sequential or concurrent, writes nothing more', async () => {
    const b = await newBookable(t.http, owner);
    const body = { ...b, startsAt: localTime(4, '10:00'), customer: newCustomer() };
    const headers = { ...owner.auth, 'Idempotency-Key': 'truth-1' };
    const raced = await Promise.all(Array.from({ length: 10 }, () => book(body, headers)));
    assert.ok(raced.every((r) => r.status === 201));
    const again = await book(body, headers);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    const booked = await entries({ entityId: again.body.id });
    assert.deepEqual(
      booked.map((e) => e.action),
      ['appointment.booked'],
    );
    assert.equal((await entries({ entityId: again.body.customerId, entityType: 'customer' })).length, 1);
  });

  it('a booking refused with 409 leaves no new customer and no entry', async () => {
    const b = await newBookable(t.http, owner);
    const startsAt = localTime(5, '10:00');
    assert.equal((await book({ ...b, startsAt, customer: newCustomer() })).status, 201);
    const createdBefore = (await entries({ action: 'customer.created' })).length;
    const stranger = newCustomer('רונית', 'אלון');
    for (let i = 0; i < 5; i++) expectProblem(await book({ ...b, startsAt, customer: stranger }), 409);
    const found = await t.http
      .get('/api/customers')
      .set(owner.auth)
      .query({ q: stranger.phone.slice(-7) });
    assert.equal(found.body.meta.total, 0);
    assert.equal((await entries({ action: 'customer.created' })).length, createdBefore);
  });

  it('a customer created by an API-key booking is attributed to the key', async () => {
    const key = await t.http.post('/api/api-keys').set(owner.auth).send({ name: 'website', role: 'staff' });
    const b = await newBookable(t.http, owner);
    const res = await book({ ...b, startsAt: localTime(6, '10:00'), customer: newCustomer() }, { 'x-api-key': key.body.key });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.source, 'api');
    const onCustomer = await entries({ entityId: res.body.customerId, entityType: 'customer' });
    assert.deepEqual(
      onCustomer.map((e) => [e.action, e.actorType, e.actorId]),
      [['customer.created', 'api_key', key.body.id]],
    );
    const onAppointment = await entries({ entityId: res.body.id });
    assert.deepEqual(
      onAppointment.map((e) => [e.actorType, e.actorId]),
      [['api_key', key.body.id]],
    );
  });

  it('a staff registration to an event writes one entry; cancelling it twice writes one more', async () => {
    const event = await t.http
      .post('/api/events')
      .set(owner.auth)
      .send({ title: 'סדנה', startsAt: '2030-06-04T18:00', endsAt: '2030-06-04T21:00', status: 'published' });
    const reg = await t.http
      .post(`/api/events/${event.body.id}/registrations`)
      .set(owner.auth)
      .send({ firstName: 'רותם', phone: '0541112233' });
    assert.equal(reg.status, 201, JSON.stringify(reg.body));
    const cancel = () => t.http.delete(`/api/events/${event.body.id}/registrations/${reg.body.id}`).set(owner.auth);
    await Promise.all([cancel(), cancel(), cancel()]);
    const onRegistration = await entries({ entityId: reg.body.id });
    assert.deepEqual(onRegistration.map((e) => e.action).sort(), ['registration.cancelled', 'registration.confirmed']);
  });
});
