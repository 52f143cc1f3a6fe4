import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectProblem, newBusiness, type TestBusiness } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

/** GET /api/auth/memberships: the caller's businesses (a business switcher), never anyone else's. */
describe('auth: memberships', () => {
  let t: TestApp;
  let dana: TestBusiness;
  let yossi: TestBusiness;
  let other: TestBusiness;

  before(async () => {
    t = await startTestApp();
    dana = await newBusiness(t.http, { name: 'דנה לוי', businessName: 'סטודיו דנה' });
    yossi = await newBusiness(t.http, { name: 'יוסי כהן', businessName: 'מספרת יוסי' });
    other = await newBusiness(t.http, { name: 'רון', businessName: 'עסק אחר' });
    // Dana already has an account: Yossi's invitation makes her a member at once.
    const invited = await t.http.post('/api/business/members').set(yossi.auth).send({ email: dana.email, role: 'staff' });
    assert.equal(invited.status, 201, JSON.stringify(invited.body));
    assert.equal(invited.body.status, 'active');
  });
  after(() => t.close());

  it("lists each business the user is an active member of, with its name and the user's role, oldest first", async () => {
    const res = await t.http.get('/api/auth/memberships').set(dana.auth).expect(200);
    assert.deepEqual(res.body, {
      data: [
        { businessId: dana.businessId, businessName: 'סטודיו דנה', role: 'owner', current: true },
        { businessId: yossi.businessId, businessName: 'מספרת יוסי', role: 'staff', current: false },
      ],
    });
  });

  it('marks the business the request acts for (X-Business-Id)', async () => {
    const res = await t.http.get('/api/auth/memberships').set(dana.auth).set('X-Business-Id', yossi.businessId).expect(200);
    assert.deepEqual(
      res.body.data.map((m: { businessId: string; current: boolean }) => [m.businessId, m.current]),
      [
        [dana.businessId, false],
        [yossi.businessId, true],
      ],
    );
  });

  it("never shows another user's memberships", async () => {
    const yossis = await t.http.get('/api/auth/memberships').set(yossi.auth).expect(200);
    assert.deepEqual(yossis.body.data, [{ businessId: yossi.businessId, businessName: 'מספרת יוסי', role: 'owner', current: true }]);
    const others = await t.http.get('/api/auth/memberships').set(other.auth).expect(200);
    assert.deepEqual(
      others.body.data.map((m: { businessId: string }) => m.businessId),
      [other.businessId],
    );
    // Acting for a business one is not a member of is refused as anywhere else.
    const foreign = await t.http.get('/api/auth/memberships').set(other.auth).set('X-Business-Id', dana.businessId);
    assert.notEqual(foreign.status, 200);
  });

  it('leaves out invitations not yet accepted, and memberships that were removed', async () => {
    // An invitation to a new person (no account yet) is a membership in "invited": not theirs to switch to.
    await t.http.post('/api/business/members').set(other.auth).send({ email: 'new-person@example.co.il', role: 'staff' }).expect(201);
    const members = await t.http.get('/api/business/members').set(yossi.auth).expect(200);
    const danaInYossi = members.body.data.find((m: { userId: string }) => m.userId === dana.userId);
    await t.http.delete(`/api/business/members/${danaInYossi.id}`).set(yossi.auth).expect(204);
    const res = await t.http.get('/api/auth/memberships').set(dana.auth).expect(200);
    assert.deepEqual(
      res.body.data.map((m: { businessId: string }) => m.businessId),
      [dana.businessId],
    );
  });

  it('answers 401 without credentials and 403 for an API key (it belongs to one business)', async () => {
    expectProblem(await t.http.get('/api/auth/memberships'), 401);
    const key = await t.http.post('/api/api-keys').set(dana.auth).send({ name: 'אתר', role: 'staff' }).expect(201);
    expectProblem(await t.http.get('/api/auth/memberships').set({ 'x-api-key': key.body.key as string }), 403);
  });
});
