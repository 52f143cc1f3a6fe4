import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newBusiness, type TestBusiness } from '../support/factories';
import { localTime, newBookable, newCustomer } from '../support/scheduling';
import { startTestApp, type TestApp } from '../support/test-app';
import { WEBHOOK_EVENT_TYPES } from '../../src/modules/outbound-webhooks/webhook-events';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

/** Where a record is changed and read back. */
interface Target {
  patch: string;
  get: string;
}

/** One field of a PATCH body, raced against the route's other fields. */
interface Field {
  /** The value the `i`-th request of `round` sends: distinct within a round and from every other round's. */
  value(round: number, i: number): unknown;
  /** What the record shows for a sent value (default: the value itself). */
  shown?(sent: unknown): unknown;
}

interface PatchRoute {
  /** Creates the record in a new business (as its owner) and says where it is. */
  create(t: TestApp, owner: TestBusiness): Promise<Target>;
  /** Two or more DISJOINT fields of the PATCH body. */
  fields: Record<string, Field>;
  /** Why the route has no second field to race against the first (the race is then of one field's values). */
  disjointNotApplicable?: string;
}

const ROUNDS = 3;
const tag = (round: number, i: number) => `r${round}-${i}`;
const text = (prefix: string): Field => ({ value: (round, i) => `${prefix} ${tag(round, i)}` });

async function created(res: { status: number; body: Json }): Promise<Json> {
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

/**
 * Every PATCH operation of the API. A new PATCH route fails the coverage test
 * below until it is added here.
 */
const PATCH_ROUTES: Record<string, PatchRoute> = {
  'PATCH /api/segments/{id}': {
    async create(t, owner) {
      const rule = { match: 'all', rules: [{ field: 'tags', operator: 'contains', value: 'VIP' }] };
      const s = await created(await t.http.post('/api/segments').set(owner.auth).send({ name: 'VIP', rule }));
      return { patch: `/api/segments/${s.id}`, get: `/api/segments/${s.id}` };
    },
    fields: { name: text('קהל'), description: text('תיאור') },
  },
  'PATCH /api/automations/{id}': {
    async create(t, owner) {
      const a = await created(
        await t.http
          .post('/api/automations')
          .set(owner.auth)
          .send({ name: 'ברוכים הבאים', trigger: { type: 'customer.created' }, actions: [{ type: 'add_tag', tag: 'חדש' }] }),
      );
      return { patch: `/api/automations/${a.id}`, get: `/api/automations/${a.id}` };
    },
    fields: { name: text('אוטומציה'), enabled: { value: (round) => round % 2 === 1 } },
  },
  'PATCH /api/campaigns/{id}': {
    async create(t, owner) {
      const c = await created(
        await t.http
          .post('/api/campaigns')
          .set(owner.auth)
          .send({ name: 'מבצע', channel: 'email', subject: 'שלום', body: 'שלום {{ customer.firstName }}' }),
      );
      return { patch: `/api/campaigns/${c.id}`, get: `/api/campaigns/${c.id}` };
    },
    fields: { name: text('מבצע'), subject: text('נושא') },
  },
  'PATCH /api/webhooks/endpoints/{id}': {
    async create(t, owner) {
      const e = await created(
        await t.http
          .post('/api/webhooks/endpoints')
          .set(owner.auth)
          .send({ url: 'http://127.0.0.1:9/hooks', eventTypes: ['customer.created'] }),
      );
      return { patch: `/api/webhooks/endpoints/${e.id}`, get: `/api/webhooks/endpoints/${e.id}` };
    },
    fields: {
      description: text('מערכת CRM'),
      // One event type per request, distinct across requests and rounds.
      eventTypes: { value: (round, i) => [WEBHOOK_EVENT_TYPES[round * 5 + i]] },
    },
  },
  'PATCH /api/business': {
    async create() {
      return { patch: '/api/business', get: '/api/business' };
    },
    fields: { legalName: text('דנה לוי בע"מ'), address: text('הרצל') },
  },
  'PATCH /api/business/members/{id}': {
    async create(t, owner) {
      const invited = await created(
        await t.http
          .post('/api/business/members')
          .set(owner.auth)
          .send({ email: `member-${Date.now()}-${Math.random().toString(36).slice(2)}@example.co.il`, role: 'staff', name: 'יוסי כהן' }),
      );
      return { patch: `/api/business/members/${invited.id}`, get: `/api/business/members/${invited.id}` };
    },
    // Two non-owner roles, so no request is refused (the last owner, owner-only changes).
    fields: { role: { value: (_round, i) => (i % 2 === 0 ? 'admin' : 'staff') } },
    disjointNotApplicable:
      'UpdateMemberDto has a single field (role, required): there is no second field to lose; the race is between two roles',
  },
  'PATCH /api/customers/{id}': {
    async create(t, owner) {
      const c = await created(await t.http.post('/api/customers').set(owner.auth).send(newCustomer('דנה', 'לוי')));
      return { patch: `/api/customers/${c.id}`, get: `/api/customers/${c.id}` };
    },
    fields: {
      notes: text('הערה'),
      address: text('רחוב הרצל'),
      // Names are letters only: the round and request as letters (כהן-א-ב).
      lastName: { value: (round, i) => `כהן-${'אבגדהוזחטי'[round]}-${'אבגדהוזחטי'[i]}` },
      tags: { value: (round, i) => [`tag-${tag(round, i)}`] },
    },
  },
  'PATCH /api/services/{id}': {
    async create(t, owner) {
      const b = await newBookable(t.http, owner);
      return { patch: `/api/services/${b.serviceId}`, get: `/api/services/${b.serviceId}` };
    },
    fields: {
      name: text('תספורת'),
      priceAgorot: { value: (round, i) => 10_000 + round * 100 + i },
      description: text('כולל חפיפה'),
    },
  },
  'PATCH /api/calendars/{id}': {
    async create(t, owner) {
      const c = await created(await t.http.post('/api/calendars').set(owner.auth).send({ kind: 'resource', name: 'כיסא' }));
      return { patch: `/api/calendars/${c.id}`, get: `/api/calendars/${c.id}` };
    },
    fields: {
      name: text('כיסא'),
      // A boolean has two values: every request of a round sends the same one, the opposite of the round before.
      active: { value: (round) => round % 2 === 1 },
    },
  },
  'PATCH /api/invoices/settings': {
    async create() {
      return { patch: '/api/invoices/settings', get: '/api/invoices/settings' };
    },
    fields: { footer: text('תודה שבחרתם בנו'), defaultRemarks: text('התשלום התקבל') },
  },
  'PATCH /api/events/{id}': {
    async create(t, owner) {
      const e = await created(
        await t.http.post('/api/events').set(owner.auth).send({ title: 'סדנה', startsAt: '2030-06-04T18:00', endsAt: '2030-06-04T21:00' }),
      );
      return { patch: `/api/events/${e.id}`, get: `/api/events/${e.id}` };
    },
    fields: { title: text('סדנת קרמיקה'), location: text('אולם'), description: text('תיאור') },
  },
  'PATCH /api/subscribers/{id}': {
    async create(t, owner) {
      const s = await created(await t.http.post('/api/subscribers').set(owner.auth).send({ phone: newCustomer().phone, name: 'דנה' }));
      return { patch: `/api/subscribers/${s.id}`, get: `/api/subscribers/${s.id}` };
    },
    fields: { name: text('דנה לוי'), lists: { value: (round, i) => [`list-${tag(round, i)}`] } },
  },
  'PATCH /api/appointments/{id}': {
    async create(t, owner) {
      const b = await newBookable(t.http, owner);
      const a = await created(
        await t.http
          .post('/api/appointments')
          .set(owner.auth)
          .send({ ...b, startsAt: localTime(12, '09:00'), customer: newCustomer() }),
      );
      return { patch: `/api/appointments/${a.id}`, get: `/api/appointments/${a.id}` };
    },
    fields: {
      notes: text('הערה'),
      // Free slots of the same calendar: a new day each round, a new hour each request (the only appointment there).
      startsAt: {
        value: (round, i) => localTime(13 + round, `${String(9 + i).padStart(2, '0')}:00`),
        shown: (sent) => new Date(sent as string).toISOString(),
      },
    },
  },
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const time = (iso: unknown) => {
  assert.equal(typeof iso, 'string', `updatedAt ${JSON.stringify(iso)}`);
  const ms = Date.parse(iso as string);
  assert.ok(!Number.isNaN(ms), `updatedAt ${String(iso)}`);
  return ms;
};

describe('no lost updates on any PATCH route', () => {
  let t: TestApp;
  before(async () => {
    // Endpoints at a local address (the SSRF guard is lifted for tests).
    t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_URLS: 'true' });
  });
  after(() => t.close());

  it('covers every PATCH operation of the live OpenAPI document, each with real fields of its request body', async () => {
    const doc = (await t.http.get('/docs-json')).body as Json;
    const live = Object.entries(doc.paths as Record<string, Record<string, Json>>)
      .filter(([, ops]) => 'patch' in ops)
      .map(([path]) => `PATCH ${path}`)
      .sort();
    assert.deepEqual(Object.keys(PATCH_ROUTES).sort(), live, 'add the new PATCH route to PATCH_ROUTES (with two disjoint fields)');

    for (const [operation, route] of Object.entries(PATCH_ROUTES)) {
      const path = operation.slice('PATCH '.length);
      let schema = doc.paths[path].patch.requestBody?.content?.['application/json']?.schema as Json | undefined;
      if (schema?.$ref) schema = doc.components.schemas[String(schema.$ref).split('/').pop()!];
      const properties = Object.keys(schema?.properties ?? {});
      for (const field of Object.keys(route.fields)) assert.ok(properties.includes(field), `${operation}: ${field} in ${properties}`);
      if (route.disjointNotApplicable) assert.equal(properties.length, 1, `${operation} now has more fields: race two of them`);
      else assert.ok(Object.keys(route.fields).length >= 2, `${operation}: two disjoint fields`);
    }
  });

  for (const [operation, route] of Object.entries(PATCH_ROUTES)) {
    const names = Object.keys(route.fields);
    const perField = Math.max(5, Math.ceil(10 / names.length));
    it(`${operation}: ${names.length * perField} parallel PATCHes of ${names.join(' / ')}, ${ROUNDS} rounds, lose no field's write`, async () => {
      const owner = await newBusiness(t.http);
      const target = await route.create(t, owner);
      for (let round = 0; round < ROUNDS; round++) {
        // Interleaved: field 1, field 2, …, field 1, field 2, … (one field per request).
        const sends = Array.from({ length: perField }, (_, i) =>
          names.map((name) => ({ name, value: route.fields[name].value(round, i) })),
        ).flat();
        const answers = await Promise.all(
          sends.map((s) =>
            t.http
              .patch(target.patch)
              .set(owner.auth)
              .send({ [s.name]: s.value }),
          ),
        );
        answers.forEach((res, k) =>
          assert.equal(
            res.status,
            200,
            `${operation} round ${round} ${sends[k].name}=${JSON.stringify(sends[k].value)}: ${JSON.stringify(res.body)}`,
          ),
        );

        const final = await t.http.get(target.get).set(owner.auth);
        assert.equal(final.status, 200, JSON.stringify(final.body));
        for (const name of names) {
          const field = route.fields[name];
          const shown = (v: unknown) => (field.shown ? field.shown(v) : v);
          const sent = sends.filter((s) => s.name === name).map((s) => shown(s.value));
          assert.ok(
            sent.some((v) => same(v, final.body[name])),
            `${operation} round ${round}: ${name} is ${JSON.stringify(final.body[name])}, not one of the values sent this round ${JSON.stringify(sent)} (a write was lost)`,
          );

          // With a stamp taken under the row lock, the answers to this field's requests that carry the latest
          // stamp show the field as the last of them left it, and so must the record.
          if (answers.every((res) => typeof res.body.updatedAt === 'string')) {
            const mine = answers.filter((_, k) => sends[k].name === name);
            const latest = Math.max(...mine.map((res) => time(res.body.updatedAt)));
            const lastWrites = mine.filter((res) => time(res.body.updatedAt) === latest).map((res) => res.body[name]);
            assert.ok(
              lastWrites.some((v) => same(v, final.body[name])),
              `${operation} round ${round}: ${name} is ${JSON.stringify(final.body[name])}, but the last ${name} write (updatedAt ${new Date(latest).toISOString()}) answered ${JSON.stringify(lastWrites)}`,
            );
          }
        }
        if (answers.every((res) => typeof res.body.updatedAt === 'string'))
          assert.ok(
            time(final.body.updatedAt) >= Math.max(...answers.map((res) => time(res.body.updatedAt))),
            `${operation} round ${round}: the stored updatedAt ${final.body.updatedAt} is before an answer's`,
          );

        if (route.disjointNotApplicable) {
          // One field only: the record answers the same wherever it is read.
          const list = await t.http.get('/api/business/members').set(owner.auth).query({ limit: 100 });
          assert.equal(list.status, 200, JSON.stringify(list.body));
          const listed = (list.body.data as Json[]).find((m) => m.id === final.body.id);
          assert.deepEqual(listed, final.body);
        }
      }
    });
  }

  it('a PATCH racing an archive (DELETE) loses neither: 10 rounds end archived with the sent notes', async () => {
    const owner = await newBusiness(t.http);
    for (let round = 0; round < 10; round++) {
      const c = await created(await t.http.post('/api/customers').set(owner.auth).send(newCustomer()));
      const notes = `הערה לפני ארכוב ${round}`;
      const patch = () => t.http.patch(`/api/customers/${c.id}`).set(owner.auth).send({ notes });
      const archive = () => t.http.delete(`/api/customers/${c.id}`).set(owner.auth);
      const [patched, archived] =
        round % 2 === 0 ? await Promise.all([patch(), archive()]) : (await Promise.all([archive(), patch()])).reverse();
      assert.equal(patched.status, 200, `round ${round}: ${JSON.stringify(patched.body)}`);
      assert.equal(archived.status, 204, `round ${round}: ${JSON.stringify(archived.body)}`);
      const final = await t.http.get(`/api/customers/${c.id}`).set(owner.auth);
      assert.equal(final.status, 200, JSON.stringify(final.body));
      assert.notEqual(final.body.archivedAt, null, `round ${round}: the archive was lost`);
      assert.equal(final.body.archived, true, `round ${round}`);
      assert.equal(final.body.notes, notes, `round ${round}: the notes were lost`);
    }
  });

  it('updatedAt never goes backwards: 20 parallel PATCHes get distinct stamps, the stored one is the latest; sequential ones rise', async () => {
    const owner = await newBusiness(t.http);
    const c = await created(await t.http.post('/api/customers').set(owner.auth).send(newCustomer()));
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.http
          .patch(`/api/customers/${c.id}`)
          .set(owner.auth)
          .send({ notes: `מקבילי ${i}` }),
      ),
    );
    for (const res of answers) assert.equal(res.status, 200, JSON.stringify(res.body));
    const stamps = answers.map((res) => res.body.updatedAt as string);
    assert.equal(new Set(stamps).size, stamps.length, `20 writes, distinct stamps: ${JSON.stringify([...stamps].sort())}`);
    const stored = await t.http.get(`/api/customers/${c.id}`).set(owner.auth);
    const latest = Math.max(...stamps.map(time));
    assert.ok(time(stored.body.updatedAt) >= latest, `stored ${stored.body.updatedAt} < latest answer ${new Date(latest).toISOString()}`);
    assert.ok(time(stored.body.updatedAt) > time(c.updatedAt));

    let previous = time(stored.body.updatedAt);
    for (let i = 0; i < 10; i++) {
      const patched = await t.http
        .patch(`/api/customers/${c.id}`)
        .set(owner.auth)
        .send({ notes: `רציף ${i}` });
      assert.equal(patched.status, 200, JSON.stringify(patched.body));
      assert.ok(
        time(patched.body.updatedAt) > previous,
        `PATCH ${i}: ${patched.body.updatedAt} not after ${new Date(previous).toISOString()}`,
      );
      const got = await t.http.get(`/api/customers/${c.id}`).set(owner.auth);
      assert.ok(time(got.body.updatedAt) >= time(patched.body.updatedAt), `GET ${i}: ${got.body.updatedAt} before its PATCH's`);
      assert.equal(got.body.notes, `רציף ${i}`);
      previous = time(got.body.updatedAt);
    }
  });
});
