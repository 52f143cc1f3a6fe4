import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectProblem, fieldsOf, newBusiness, type TestBusiness } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

describe('HTTP edge: problem+json, validation, limits, request ids', () => {
  let t: TestApp;
  let owner: TestBusiness;
  before(async () => {
    t = await startTestApp();
    owner = await newBusiness(t.http);
  });
  after(() => t.close());

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await t.http.post('/api/auth/login').set('content-type', 'application/json').send('{"email": ');
    expectProblem(res, 400);
  });

  it('rejects unknown fields and wrong types with field paths', async () => {
    const res = await t.http
      .patch('/api/business')
      .set(owner.auth)
      .send({ name: 42, vatStatus: 'maybe', isAdmin: true, timeZone: 'Mars/Base' });
    const body = expectProblem(res, 400);
    assert.deepEqual(new Set(fieldsOf(body)), new Set(['name', 'vatStatus', 'isAdmin', 'timeZone']));
    assert.equal(body.code, 'validation_failed');
  });

  it('keeps words of public URLs out of business slugs', async () => {
    const body = expectProblem(await t.http.patch('/api/business').set(owner.auth).send({ slug: 'appointments' }), 400);
    assert.deepEqual(fieldsOf(body), ['slug']);
    const reg = await t.http
      .post('/api/auth/register')
      .send({ email: 'slug@example.co.il', password: 'Sh4lom-Olam-2026', name: 'x', businessName: 'Appointments' });
    assert.match(reg.body.businessId, /^[0-9a-f-]{36}$/);
    const business = await t.http.get('/api/business').set('Authorization', `Bearer ${reg.body.accessToken}`);
    assert.match(business.body.slug, /^appointments-[0-9a-f]{6}$/);
  });

  it('rejects a list limit above 100 and a bad page', async () => {
    const body = expectProblem(await t.http.get('/api/activity').query({ limit: 101, page: 0 }).set(owner.auth), 400);
    assert.deepEqual(new Set(fieldsOf(body)), new Set(['limit', 'page']));
  });

  it('answers 413 for a 2 MB body', async () => {
    const res = await t.http
      .patch('/api/business')
      .set(owner.auth)
      .set('content-type', 'application/json')
      .send(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }));
    expectProblem(res, 413);
  });

  it('answers an unknown route with 404 problem+json, and a malformed id with 400', async () => {
    expectProblem(await t.http.get('/api/nope').set(owner.auth), 404);
    expectProblem(await t.http.get('/api/business/members/not-a-uuid').set(owner.auth), 400);
  });

  it('marks API answers no-store and sends no ETag, so no client gets a 304', async () => {
    const me = await t.http.get('/api/auth/me').set(owner.auth).expect(200);
    assert.equal(me.headers['cache-control'], 'no-store');
    assert.equal(me.headers.etag, undefined);
    const again = await t.http.get('/api/auth/me').set(owner.auth).set('If-None-Match', '*').expect(200);
    assert.equal(again.body.id, me.body.id);
    const missing = await t.http.get('/api/nowhere').set(owner.auth);
    expectProblem(missing, 404);
    assert.equal(missing.headers['cache-control'], 'no-store');
    const stats = await t.http.get('/provider/stats').set(owner.auth).expect(200);
    assert.equal(stats.headers['cache-control'], 'no-store');
  });

  it('echoes a given X-Request-Id, makes one otherwise, and puts it in problems', async () => {
    const given = await t.http.get('/api/nope').set('X-Request-Id', 'abc-123');
    assert.equal(given.headers['x-request-id'], 'abc-123');
    assert.equal(given.body.requestId, 'abc-123');
    const made = await t.http.get('/health/live');
    assert.match(made.headers['x-request-id'], /^[0-9a-f-]{36}$/);
  });

  it('reports readiness of database, queue, document store, file storage and disk', async () => {
    const res = await t.http.get('/health/ready');
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(res.body.details).sort(), ['database', 'disk', 'documents:postgres', 'queue:postgres', 'storage:local']);
  });

  it('serves the OpenAPI document with bearer and API key schemes', async () => {
    const res = await t.http.get('/docs-json');
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(res.body.components.securitySchemes).sort(), ['api-key', 'bearer']);
    assert.ok(res.body.paths['/api/auth/login'].post);
  });
});

describe('login throttling', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT_MAX: '3', LOGIN_RATE_LIMIT_TTL: '60' });
  });
  after(() => t.close());

  it('answers 429 with Retry-After after the configured attempts for one email', async () => {
    const attempt = (email: string) => t.http.post('/api/auth/login').send({ email, password: 'wrong-password-1' });
    for (let i = 0; i < 3; i++) expectProblem(await attempt('victim@example.co.il'), 401);
    const blocked = await attempt('victim@example.co.il');
    expectProblem(blocked, 429);
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    // The IP's budget is spent too: another email from the same address is refused.
    expectProblem(await attempt('someone-else@example.co.il'), 429);
  });
});
