import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { expectProblem, fieldsOf, newBusiness, type TestBusiness } from '../support/factories';
import { localTime, newBookable } from '../support/scheduling';
import { startTestApp, type TestApp } from '../support/test-app';

// Registrations name their customer the way bookings do: `customerId`, or a
// nested `customer` (NewCustomerDto); the flat fields they took before still
// work for one release; naming the customer twice is one 400 with one code.

const Y = new Date().getUTCFullYear() + 1;
let ipCounter = 0;
const nextIp = () => `198.51.101.${++ipCounter}`;
/** A valid Israeli mobile number, distinct per `n`. */
const phone = (n: number) => `054${String(n).padStart(7, '0')}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

describe('registration customer shape', () => {
  let t: TestApp;
  let owner: TestBusiness;
  let slug: string;
  before(async () => {
    t = await startTestApp();
    owner = await newBusiness(t.http);
    slug = (await t.http.get('/api/business').set(owner.auth)).body.slug;
  });
  after(() => t.close());

  async function createEvent(): Promise<string> {
    const res = await t.http
      .post('/api/events')
      .set(owner.auth)
      .send({ title: 'ערב יוגה', startsAt: `${Y}-07-01T19:00`, endsAt: `${Y}-07-01T21:00`, status: 'published' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id;
  }
  const staff = (eventId: string, body: Json) => t.http.post(`/api/events/${eventId}/registrations`).set(owner.auth).send(body);
  const pub = (eventId: string, body: Json) =>
    t.http.post(`/api/public/${slug}/events/${eventId}/register`).set('X-Forwarded-For', nextIp()).send(body);

  it('staff: registers a nested new customer, and the flat fields still find the same customer', async () => {
    const eventId = await createEvent();
    const nested = await staff(eventId, {
      customer: { firstName: 'מיכל', lastName: 'אברהם', phone: '054-0000001', email: 'Michal@Example.co.il' },
    });
    assert.equal(nested.status, 201, JSON.stringify(nested.body));
    assert.deepEqual(nested.body.customer, { firstName: 'מיכל', lastName: 'אברהם', email: 'michal@example.co.il', phone: '+972540000001' });
    assert.equal(nested.body.source, 'staff');

    const other = await createEvent();
    const flat = await staff(other, { firstName: 'מיכל', phone: '+972540000001' });
    assert.equal(flat.status, 201, JSON.stringify(flat.body));
    assert.equal(flat.body.customerId, nested.body.customerId, 'matched by phone, not created again');
    const byId = await staff(await createEvent(), { customerId: nested.body.customerId });
    assert.equal(byId.status, 201, JSON.stringify(byId.body));
  });

  it('staff: checks the nested customer as a customer (names in letters, a contact), with field paths', async () => {
    const eventId = await createEvent();
    assert.deepEqual(fieldsOf(expectProblem(await staff(eventId, { customer: { firstName: 'R2-D2', phone: phone(2) } }), 400)), [
      'customer.firstName',
    ]);
    assert.deepEqual(fieldsOf(expectProblem(await staff(eventId, { customer: { firstName: 'דנה' } }), 400)), ['customer.phone']);
    // The flat fields keep the rules they had.
    assert.equal((await staff(eventId, { firstName: 'אורח 1', phone: phone(3) })).status, 201);
  });

  it('naming the customer twice is one 400 with the code appointments answer', async () => {
    const bookable = await newBookable(t.http, owner);
    const customer = { firstName: 'נועה', phone: phone(10) };
    const appointment = expectProblem(
      await t.http
        .post('/api/appointments')
        .set(owner.auth)
        .send({ ...bookable, startsAt: localTime(3, '10:00'), customerId: randomUUID(), customer }),
      400,
    );
    assert.equal(appointment.code, 'registration.customer_ambiguous');

    const eventId = await createEvent();
    const known = (await staff(eventId, { customer: { firstName: 'דן', phone: phone(11) } })).body.customerId;
    const twice: Json[] = [
      { customerId: known, customer },
      { customer, firstName: 'נועה' },
      { customerId: known, firstName: 'נועה', phone: phone(12) },
    ];
    for (const body of twice) {
      const problem = expectProblem(await staff(eventId, body), 400);
      assert.equal(problem.code, appointment.code, JSON.stringify(body));
      assert.deepEqual(fieldsOf(problem), fieldsOf(appointment));
    }
    const publicTwice = expectProblem(await pub(eventId, { customer, phone: phone(13) }), 400);
    assert.equal(publicTwice.code, appointment.code);
  });

  it('public: registers a nested customer or the flat fields, and never takes a customerId', async () => {
    const eventId = await createEvent();
    const nested = await pub(eventId, { customer: { firstName: 'רון', email: 'ron@example.co.il' } });
    assert.equal(nested.status, 201, JSON.stringify(nested.body));
    assert.equal(nested.body.status, 'confirmed');
    const flat = await pub(eventId, { firstName: 'גל', phone: phone(20) });
    assert.equal(flat.status, 201, JSON.stringify(flat.body));
    assert.equal(
      expectProblem(await pub(eventId, { customer: { firstName: 'רון', email: 'RON@example.co.il' } }), 409).code,
      'registration.duplicate',
    );
    assert.deepEqual(fieldsOf(expectProblem(await pub(eventId, { customer: { firstName: 'רון' } }), 400)), ['customer.phone']);
    assert.deepEqual(
      fieldsOf(expectProblem(await pub(eventId, { customer: { firstName: 'x', phone: phone(21) }, customerId: randomUUID() }), 400)),
      ['customerId'],
    );

    const rows = (await t.http.get(`/api/events/${eventId}/registrations`).set(owner.auth)).body.data as Json[];
    assert.deepEqual(
      rows.map((r) => [r.customer.firstName, r.source]),
      [
        ['רון', 'public'],
        ['גל', 'public'],
      ],
    );
  });

  it('documents customer on both routes and marks the flat fields deprecated', async () => {
    const doc = (await t.http.get('/docs-json').expect(200)).body;
    for (const name of ['CreateRegistrationDto', 'PublicRegistrationDto']) {
      const schema = doc.components.schemas[name];
      assert.ok(schema, name);
      assert.equal(
        schema.properties.customer.$ref ?? schema.properties.customer.allOf?.[0]?.$ref,
        '#/components/schemas/NewCustomerDto',
        name,
      );
      for (const flat of ['firstName', 'lastName', 'email', 'phone', 'language']) {
        assert.equal(schema.properties[flat].deprecated, true, `${name}.${flat}`);
      }
      assert.equal(schema.required, undefined, `${name}: nothing is required on its own`);
    }
    const route = doc.paths['/api/public/{businessSlug}/events/{id}/register'].post;
    assert.equal(route.requestBody.content['application/json'].schema.$ref, '#/components/schemas/PublicRegistrationDto');
  });
});
