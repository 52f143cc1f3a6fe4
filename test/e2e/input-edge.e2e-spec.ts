// The request pipeline's answers to input no field rule should ever see: deep
// nesting, ill-formed Unicode, NUL, null where the contract forbids it, and
// bodies in media types a route does not take. One test per class of defect;
// the OpenAPI-driven robustness suite repeats them on every route.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectProblem, fieldsOf, newBusiness, type TestBusiness } from '../support/factories';
import { newBookable } from '../support/scheduling';
import { startTestApp, type TestApp } from '../support/test-app';

const nested = (levels: number, open: string, close: string, inner = '1') => open.repeat(levels) + inner + close.repeat(levels);
const LONE_SURROGATE_EMAIL = '"a\\ud83db@example.co.il"';

describe('input the pipeline refuses before validation', () => {
  let t: TestApp;
  let owner: TestBusiness;
  let slug: string;
  let eventId: string;
  before(async () => {
    t = await startTestApp();
    owner = await newBusiness(t.http, { businessName: 'Salon Dana' });
    slug = (await t.http.get('/api/business').set(owner.auth)).body.slug;
    const event = await t.http
      .post('/api/events')
      .set(owner.auth)
      .send({ title: 'סדנה', startsAt: '2030-06-04T18:00', endsAt: '2030-06-04T21:00', status: 'published' });
    assert.equal(event.status, 201, JSON.stringify(event.body));
    eventId = event.body.id;
  });
  after(() => t.close());

  const raw = (method: 'post' | 'patch' | 'put', path: string, text: string, type = 'application/json') =>
    t.http[method](path).set(owner.auth).set('content-type', type).send(text);

  it('refuses JSON nested 3,000 levels deep with 400, also unauthenticated and inside free-form fields', async () => {
    for (const body of [`{"email":${nested(3000, '{"a":', '}')}}`, nested(3000, '[', ']')]) {
      const res = await t.http.post('/api/auth/login').set('content-type', 'application/json').send(body);
      expectProblem(res, 400);
    }
    const deep = await raw('post', '/api/customers', `{"firstName":"דנה","phone":"0501234567","customFields":${nested(40, '{"a":', '}')}}`);
    const fields = fieldsOf(expectProblem(deep, 400));
    assert.equal(fields.length, 1);
    assert.match(fields[0], /^customFields(\.a)+$/);
    assert.equal((await t.http.get('/health/ready')).status, 200);
  });

  it('refuses a lone surrogate in an email with 400 naming the field, on every form that takes one', async () => {
    const forms: [string, string][] = [
      ['/api/auth/register', `{"email":${LONE_SURROGATE_EMAIL},"password":"Sh4lom-Olam-2026","name":"x","businessName":"y"}`],
      ['/api/auth/login', `{"email":${LONE_SURROGATE_EMAIL},"password":"Sh4lom-Olam-2026"}`],
      [`/api/public/${slug}/subscribe`, `{"email":${LONE_SURROGATE_EMAIL},"consent":true}`],
      [`/api/public/${slug}/events/${eventId}/register`, `{"firstName":"דנה","email":${LONE_SURROGATE_EMAIL}}`],
    ];
    for (const [path, body] of forms) {
      const res = await t.http.post(path).set('content-type', 'application/json').send(body);
      assert.deepEqual(fieldsOf(expectProblem(res, 400)), ['email'], path);
    }
  });

  it('refuses NUL in a path, a query and a body with 400', async () => {
    expectProblem(await t.http.get('/api/public/%00/services'), 400);
    expectProblem(await t.http.get('/api/customers/%ED%A0%BD').set(owner.auth), 400);
    assert.deepEqual(fieldsOf(expectProblem(await t.http.get('/api/customers?q=a%00b').set(owner.auth), 400)), ['q']);
    assert.deepEqual(fieldsOf(expectProblem(await raw('post', '/api/api-keys', '{"name":"a\\u0000b"}'), 400)), ['name']);
  });

  it('refuses prototype keys with 400', async () => {
    const res = await raw('patch', '/api/business', '{"__proto__":{"name":"x"},"constructor":{"prototype":{"y":1}}}');
    assert.deepEqual(fieldsOf(expectProblem(res, 400)).sort(), ['__proto__', 'constructor']);
  });

  it('refuses null for fields that cannot be null, with their paths, and accepts it where the contract says nullable', async () => {
    assert.deepEqual(fieldsOf(expectProblem(await t.http.patch('/api/business').set(owner.auth).send({ name: null }), 400)), ['name']);
    const b = await newBookable(t.http, owner);
    const calendar = await t.http.patch(`/api/calendars/${b.calendarId}`).set(owner.auth).send({ name: null });
    assert.deepEqual(fieldsOf(expectProblem(calendar, 400)), ['name']);
    const six = ['name', 'durationMinutes', 'priceAgorot', 'bufferBeforeMinutes', 'bufferAfterMinutes', 'active'];
    const service = await t.http
      .patch(`/api/services/${b.serviceId}`)
      .set(owner.auth)
      .send(Object.fromEntries(six.map((f) => [f, null])));
    assert.deepEqual(fieldsOf(expectProblem(service, 400)).sort(), [...six].sort());

    const filled = await t.http.patch('/api/business').set(owner.auth).send({ phone: '03-5551234', email: 'office@example.co.il' });
    assert.equal(filled.body.phone, '+97235551234');
    const cleared = await t.http.patch('/api/business').set(owner.auth).send({ phone: null, email: null, address: null });
    assert.equal(cleared.status, 200, JSON.stringify(cleared.body));
    assert.deepEqual([cleared.body.phone, cleared.body.email, cleared.body.address], [null, null, null]);
  });

  it('answers 415 for a body that is not JSON, naming the accepted types, and applies nothing', async () => {
    const before = (await t.http.get('/api/booking-settings').set(owner.auth)).body;
    const { timeZoneFollowsBusiness: _readOnly, ...writable } = before;
    const changed = JSON.stringify({ ...writable, slotIntervalMinutes: 60 });
    const plain = await raw('put', '/api/booking-settings', changed, 'text/plain');
    assert.match(String(expectProblem(plain, 415).detail), /application\/json/);
    const untyped = await t.http.put('/api/booking-settings').set(owner.auth).set('content-type', '').send(Buffer.from(changed));
    expectProblem(untyped, 415);
    assert.deepEqual((await t.http.get('/api/booking-settings').set(owner.auth)).body, before);
    // The same body as JSON is applied.
    const json = await raw('put', '/api/booking-settings', changed);
    assert.equal(json.body.slotIntervalMinutes, 60, JSON.stringify(json.body));
  });
});

describe('answers that were wrong', () => {
  let t: TestApp;
  let owner: TestBusiness;
  before(async () => {
    t = await startTestApp();
    owner = await newBusiness(t.http, { businessName: 'Salon Dana' });
  });
  after(() => t.close());

  it('PATCH /api/business answers the whole stored business, also for an empty patch', async () => {
    const whole = (await t.http.get('/api/business').set(owner.auth)).body;
    const empty = await t.http.patch('/api/business').set(owner.auth).send({});
    assert.deepEqual(empty.body, whole);
    const renamed = await t.http.patch('/api/business').set(owner.auth).send({ legalName: 'דנה בע"מ' });
    assert.deepEqual(renamed.body, { ...whole, legalName: 'דנה בע"מ' });
  });

  it('finds a business by its slug in any letter case on every public route', async () => {
    const slug: string = (await t.http.get('/api/business').set(owner.auth)).body.slug;
    const upper = slug.replace(/^./, (c) => c.toUpperCase()).replace(/-(.)/, (_, c: string) => `-${c.toUpperCase()}`);
    assert.notEqual(upper, slug);
    assert.equal((await t.http.get(`/api/public/${upper}/services`)).status, 200);
    assert.equal((await t.http.get(`/api/public/${upper}/events`)).status, 200);
    const subscribed = await t.http.post(`/api/public/${upper}/subscribe`).send({ phone: '0521234567', consent: true });
    assert.ok([200, 202].includes(subscribed.status), JSON.stringify(subscribed.body));
    const event = await t.http
      .post('/api/events')
      .set(owner.auth)
      .send({ title: 'ערב פתוח', startsAt: '2030-06-04T18:00', endsAt: '2030-06-04T21:00', status: 'published' });
    const registered = await t.http
      .post(`/api/public/${upper}/events/${event.body.id}/register`)
      .send({ firstName: 'רותי', phone: '0527654321' });
    assert.equal(registered.status, 201, JSON.stringify(registered.body));
  });
});
