// Races that people and integrations cause: double clicks, a phone refreshing
// its token while the user logs out, simultaneous sign-ups, a member removed
// while their links circulate. Each is raced over real HTTP against real
// PostgreSQL, in rounds, and judged by the final state and the activity log.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectProblem, newBusiness, newMember, TEST_PASSWORD, type TestBusiness } from '../support/factories';
import { newBookable, newCustomer } from '../support/scheduling';
import { startTestApp, type TestApp } from '../support/test-app';

const ROUNDS = 3;
const PARALLEL = 20;
const times = <T>(n: number, fn: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => fn(i)));
const settle = () => new Promise((r) => setTimeout(r, 300));

describe('lifecycle races', () => {
  let t: TestApp;
  let owner: TestBusiness;
  before(async () => {
    t = await startTestApp();
    owner = await newBusiness(t.http);
  });
  after(() => t.close());

  const activity = async (query: Record<string, string>) =>
    (
      await t.http
        .get('/api/activity')
        .set(owner.auth)
        .query({ ...query, limit: 100 })
    ).body.data as { action: string; actorType: string; actorId: string | null }[];

  it('a double-clicked archive, restore and API-key revocation each happen once, with one entry', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const created = await t.http.post('/api/customers').set(owner.auth).send(newCustomer());
      const id = created.body.id as string;
      const archives = await times(PARALLEL, () => t.http.delete(`/api/customers/${id}`).set(owner.auth));
      assert.ok(archives.every((r) => r.status === 204));
      const restores = await times(PARALLEL, () => t.http.post(`/api/customers/${id}/restore`).set(owner.auth));
      assert.ok(restores.every((r) => r.status === 200));
      await settle();
      const entries = (await activity({ customerId: id })).map((e) => e.action).sort();
      assert.deepEqual(entries, ['customer.archived', 'customer.created', 'customer.restored']);

      const key = await t.http
        .post('/api/api-keys')
        .set(owner.auth)
        .send({ name: `k${round}`, role: 'staff' });
      const revokes = await times(PARALLEL, () => t.http.delete(`/api/api-keys/${key.body.id}`).set(owner.auth));
      assert.deepEqual(revokes.map((r) => r.status).sort(), [204, ...Array<number>(PARALLEL - 1).fill(404)]);
      await settle();
      const keyEntries = (await activity({ entityId: key.body.id })).map((e) => e.action).sort();
      assert.deepEqual(keyEntries, ['api_key.create', 'api_key.delete']);
    }
  });

  it('two refreshes of one token: one wins, and then the whole session has ended, the winner’s new token included', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const login = await t.http.post('/api/auth/login').send({ email: owner.email, password: TEST_PASSWORD });
      const refresh = (token: string) => t.http.post('/api/auth/refresh').send({ refreshToken: token });
      const raced = await times(PARALLEL, () => refresh(login.body.refreshToken));
      const won = raced.filter((r) => r.status === 200);
      assert.equal(won.length, 1, raced.map((r) => r.status).join());
      for (const lost of raced.filter((r) => r.status !== 200)) expectProblem(lost, 401);
      expectProblem(await refresh(won[0].body.refreshToken), 401);
    }
  });

  it('logout racing a refresh: afterwards no token of the session works', async () => {
    for (let round = 0; round < ROUNDS * 3; round++) {
      const login = await t.http.post('/api/auth/login').send({ email: owner.email, password: TEST_PASSWORD });
      const token = login.body.refreshToken as string;
      const [logout, refreshed] = await Promise.all([
        t.http.post('/api/auth/logout').send({ refreshToken: token }),
        t.http.post('/api/auth/refresh').send({ refreshToken: token }),
      ]);
      assert.equal(logout.status, 204);
      if (refreshed.status === 200) {
        expectProblem(await t.http.post('/api/auth/refresh').send({ refreshToken: refreshed.body.refreshToken }), 401);
      } else {
        expectProblem(refreshed, 401);
      }
      expectProblem(await t.http.post('/api/auth/refresh').send({ refreshToken: token }), 401);
    }
  });

  it('simultaneous sign-ups with the same business name each get a business of their own', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const name = `Salon Race ${round}`;
      const signed = await times(10, (i) =>
        t.http
          .post('/api/auth/register')
          .send({ email: `race-${round}-${i}@example.co.il`, password: TEST_PASSWORD, name: 'דנה', businessName: name }),
      );
      assert.deepEqual(
        signed.map((r) => r.status),
        Array<number>(10).fill(201),
        signed.map((r) => JSON.stringify(r.body)).join('\n'),
      );
      const slugs = await Promise.all(
        signed.map(
          async (r) => (await t.http.get('/api/business').set('Authorization', `Bearer ${r.body.accessToken}`)).body.slug as string,
        ),
      );
      assert.equal(new Set(slugs).size, 10);
      assert.ok(slugs.includes(`salon-race-${round}`));
    }
  });

  it('simultaneous sign-ups with the same email: one account, the rest 409', async () => {
    const email = 'same-email@example.co.il';
    const signed = await times(10, () =>
      t.http.post('/api/auth/register').send({ email, password: TEST_PASSWORD, name: 'דנה', businessName: 'סלון' }),
    );
    const statuses = signed.map((r) => r.status).sort();
    assert.deepEqual(statuses, [201, ...Array<number>(9).fill(409)]);
    for (const r of signed.filter((x) => x.status === 409)) assert.equal(expectProblem(r, 409).code, 'auth.email_taken');
  });

  it('removing a member ends what they issued: feed links, API keys and sessions', async () => {
    const admin = await newMember(t.http, owner, 'admin');
    const staff = await newMember(t.http, owner, 'staff');
    // The staff member's own calendar, its feed published by an admin; a resource calendar whose feed the admin published.
    const own = await t.http.post('/api/calendars').set(owner.auth).send({ kind: 'member', memberId: staff.membershipId, name: 'יוסי' });
    assert.equal(own.status, 201, JSON.stringify(own.body));
    const b = await newBookable(t.http, owner);
    const ownFeed = (await t.http.post(`/api/calendars/${own.body.id}/feed-token`).set(owner.auth)).body.token as string;
    const adminFeed = (await t.http.post(`/api/calendars/${b.calendarId}/feed-token`).set(admin.auth)).body.token as string;
    const feed = (id: string, token: string) => t.http.get(`/api/calendars/${id}/feed.ics`).query({ token });
    assert.equal((await feed(own.body.id, ownFeed)).status, 200);
    assert.equal((await feed(b.calendarId, adminFeed)).status, 200);
    const key = await t.http.post('/api/api-keys').set(admin.auth).send({ name: 'integration', role: 'staff' });
    const keyHeader = { 'x-api-key': key.body.key as string };
    assert.equal((await t.http.get('/api/customers').set(keyHeader)).status, 200);
    const staffLogin = await t.http.post('/api/auth/login').send({ email: staff.email, password: TEST_PASSWORD });
    assert.equal(staffLogin.status, 200, JSON.stringify(staffLogin.body));

    assert.equal((await t.http.delete(`/api/business/members/${admin.membershipId}`).set(owner.auth)).status, 204);
    assert.equal((await t.http.delete(`/api/business/members/${staff.membershipId}`).set(owner.auth)).status, 204);

    expectProblem(await feed(own.body.id, ownFeed), 404);
    expectProblem(await feed(b.calendarId, adminFeed), 404);
    expectProblem(await t.http.get('/api/customers').set(keyHeader), 401);
    expectProblem(await t.http.post('/api/auth/refresh').send({ refreshToken: staffLogin.body.refreshToken }), 401);
    expectProblem(await t.http.get('/api/customers').set(admin.auth), 401);
  });
});
