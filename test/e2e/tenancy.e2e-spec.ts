import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectProblem, fieldsOf, newBusiness, newMember, TEST_PASSWORD, type TestBusiness } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

describe('tenancy, roles, members and API keys', () => {
  let t: TestApp;
  let a: TestBusiness;
  let b: TestBusiness;
  before(async () => {
    t = await startTestApp();
    a = await newBusiness(t.http, { businessName: 'Studio A' });
    b = await newBusiness(t.http, { businessName: 'Studio B' });
  });
  after(() => t.close());

  it('authenticates with an API key until it is deleted', async () => {
    const created = await t.http.post('/api/api-keys').set(a.auth).send({ name: 'אתר', role: 'staff' });
    assert.equal(created.status, 201);
    assert.match(created.body.key, /^cg_[0-9a-f]{8}_/);
    assert.equal(created.body.key.startsWith(created.body.prefix), true);

    const me = await t.http.get('/api/auth/me').set('x-api-key', created.body.key);
    assert.equal(me.status, 200);
    assert.deepEqual(
      { kind: me.body.kind, businessId: me.body.businessId, role: me.body.role },
      { kind: 'api_key', businessId: a.businessId, role: 'staff' },
    );

    const listed = await t.http.get('/api/api-keys').set(a.auth);
    assert.equal(listed.body.meta.total, 1);
    assert.equal(listed.body.data[0].key, undefined, 'the secret is never listed');

    assert.equal((await t.http.delete(`/api/api-keys/${created.body.id}`).set(a.auth)).status, 204);
    expectProblem(await t.http.get('/api/auth/me').set('x-api-key', created.body.key), 401);
    expectProblem(await t.http.get('/api/auth/me').set('x-api-key', 'cg_00000000_forged'), 401);
  });

  it('refuses forged and already-used invitations, duplicate members and a second delete of a key', async () => {
    const invited = await t.http.post('/api/business/members').set(a.auth).send({ email: 'invitee@example.co.il', role: 'staff' });
    assert.equal(invited.status, 201);
    assert.equal(
      expectProblem(await t.http.post('/api/business/members').set(a.auth).send({ email: 'INVITEE@example.co.il', role: 'admin' }), 409)
        .code,
      'member.already_member',
    );
    assert.equal(
      expectProblem(await t.http.post('/api/auth/accept-invite').send({ token: 'forged-token', password: TEST_PASSWORD }), 401).code,
      'auth.invalid_invite',
    );
    assert.equal(
      (await t.http.post('/api/auth/accept-invite').send({ token: invited.body.inviteToken, password: TEST_PASSWORD })).status,
      200,
    );
    expectProblem(await t.http.post('/api/auth/accept-invite').send({ token: invited.body.inviteToken, password: TEST_PASSWORD }), 401);

    const key = await t.http.post('/api/api-keys').set(a.auth).send({ name: 'once', role: 'staff' });
    assert.equal((await t.http.delete(`/api/api-keys/${key.body.id}`).set(a.auth)).status, 204);
    expectProblem(await t.http.delete(`/api/api-keys/${key.body.id}`).set(a.auth), 404);
    const badRole = expectProblem(await t.http.post('/api/api-keys').set(a.auth).send({ name: 'root', role: 'owner' }), 400);
    assert.deepEqual(fieldsOf(badRole), ['role']);
  });

  it('lets staff do neither member nor API key management (403)', async () => {
    const staff = await newMember(t.http, a, 'staff');
    expectProblem(await t.http.get('/api/business/members').set(staff.auth), 403);
    expectProblem(await t.http.post('/api/business/members').set(staff.auth).send({ email: 'x@example.co.il', role: 'staff' }), 403);
    expectProblem(await t.http.get('/api/api-keys').set(staff.auth), 403);
    expectProblem(await t.http.post('/api/api-keys').set(staff.auth).send({ name: 'k', role: 'staff' }), 403);
    expectProblem(await t.http.get('/api/activity').set(staff.auth), 403);
    const business = await t.http.get('/api/business').set(staff.auth);
    assert.equal(business.status, 200, 'staff can read the business profile');
  });

  it('never removes or demotes the last owner (409), and an admin cannot touch owners', async () => {
    const owner = await newBusiness(t.http);
    const members = await t.http.get('/api/business/members').set(owner.auth);
    const self = members.body.data.find((m: { userId: string }) => m.userId === owner.userId);
    assert.equal(expectProblem(await t.http.delete(`/api/business/members/${self.id}`).set(owner.auth), 409).code, 'member.last_owner');
    assert.equal(
      expectProblem(await t.http.patch(`/api/business/members/${self.id}`).set(owner.auth).send({ role: 'admin' }), 409).code,
      'member.last_owner',
    );

    const admin = await newMember(t.http, owner, 'admin');
    expectProblem(await t.http.delete(`/api/business/members/${self.id}`).set(admin.auth), 403);
    expectProblem(await t.http.post('/api/business/members').set(admin.auth).send({ email: 'o2@example.co.il', role: 'owner' }), 403);

    const second = await newMember(t.http, owner, 'owner');
    const demoted = await t.http.patch(`/api/business/members/${self.id}`).set(second.auth).send({ role: 'admin' });
    assert.equal(demoted.status, 200);
    assert.equal(demoted.body.role, 'admin');
  });

  it("answers 404 for another business's member, API key and activity ids", async () => {
    const key = await t.http.post('/api/api-keys').set(b.auth).send({ name: 'B key', role: 'admin' });
    const bMembers = await t.http.get('/api/business/members').set(b.auth);
    const bActivity = await t.http.get('/api/activity').set(b.auth);
    assert.ok(bActivity.body.data.length > 0);
    const memberId = bMembers.body.data[0].id;
    expectProblem(await t.http.get(`/api/business/members/${memberId}`).set(a.auth), 404);
    expectProblem(await t.http.patch(`/api/business/members/${memberId}`).set(a.auth).send({ role: 'staff' }), 404);
    expectProblem(await t.http.delete(`/api/business/members/${memberId}`).set(a.auth), 404);
    expectProblem(await t.http.delete(`/api/api-keys/${key.body.id}`).set(a.auth), 404);
    expectProblem(await t.http.get(`/api/activity/${bActivity.body.data[0].id}`).set(a.auth), 404);
    // B's key still works: A's attempt changed nothing.
    assert.equal((await t.http.get('/api/auth/me').set('x-api-key', key.body.key)).status, 200);
  });

  it('switches business with X-Business-Id only where the user is a member (403 otherwise)', async () => {
    const other = await newBusiness(t.http);
    expectProblem(await t.http.get('/api/business').set(a.auth).set('X-Business-Id', other.businessId), 403);
    expectProblem(await t.http.get('/api/business').set(a.auth).set('X-Business-Id', 'not-a-uuid'), 403);

    // Invite A's owner into the other business: now the header switches to it.
    const invited = await t.http.post('/api/business/members').set(other.auth).send({ email: a.email, role: 'admin' });
    assert.equal(invited.status, 201);
    assert.equal(invited.body.inviteToken, undefined, 'an existing user joins at once');
    const switched = await t.http.get('/api/business').set(a.auth).set('X-Business-Id', other.businessId);
    assert.equal(switched.status, 200);
    assert.equal(switched.body.id, other.businessId);
    const login = await t.http.post('/api/auth/login').send({ email: a.email, password: TEST_PASSWORD, businessId: other.businessId });
    assert.equal(login.body.businessId, other.businessId);
  });

  it('records mutating requests in the activity log with actor, request id and filters', async () => {
    const owner = await newBusiness(t.http);
    const res = await t.http
      .patch('/api/business')
      .set(owner.auth)
      .set('X-Request-Id', 'req-activity-1')
      .send({ phone: '03-5551234', taxId: '515555555' });
    assert.equal(res.status, 200);
    assert.equal(res.body.phone, '+97235551234');
    const log = await t.http.get('/api/activity').query({ entityType: 'business' }).set(owner.auth);
    assert.equal(log.status, 200);
    assert.equal(log.body.meta.total, 1);
    const entry = log.body.data[0];
    assert.deepEqual(
      { action: entry.action, actorId: entry.actorId, actorType: entry.actorType, entityId: entry.entityId, requestId: entry.requestId },
      { action: 'business.update', actorId: owner.userId, actorType: 'user', entityId: owner.businessId, requestId: 'req-activity-1' },
    );
    const byActor = await t.http.get('/api/activity').query({ actorId: owner.userId, limit: 1 }).set(owner.auth);
    assert.equal(byActor.body.meta.limit, 1);
    assert.ok(byActor.body.meta.total >= 2, 'register and update');
    const future = await t.http.get('/api/activity').query({ from: '2999-01-01T00:00:00Z' }).set(owner.auth);
    assert.equal(future.body.meta.total, 0);
  });
});
