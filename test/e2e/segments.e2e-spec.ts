// Audience segments over HTTP: a table of rule trees against a seeded set of
// customers with exact expected members; rules that try to smuggle SQL are
// refused (names) or stay data (values); the depth limit; CRUD, members and
// preview; another business's segments are 404. Facts a rule reads (spend,
// visits, last payment) are set in SQL where the flows that keep them are
// tested elsewhere; "booked service" comes from a real booking.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { expectProblem, fieldsOf, newBusiness, type TestBusiness } from '../support/factories';
import { localDate, localTime, newBookable } from '../support/scheduling';
import { startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

type Json = Record<string, unknown>;
const all = (...rules: unknown[]) => ({ match: 'all', rules });
const any = (...rules: unknown[]) => ({ match: 'any', rules });
const c = (field: string, operator: string, value?: unknown, key?: string) => ({
  field,
  operator,
  ...(key ? { key } : {}),
  ...(value === undefined ? {} : { value }),
});
const daysAgo = (days: number, hours = 0) => new Date(Date.now() - days * 86_400_000 - hours * 3_600_000);

describe('audience segments', () => {
  let t: TestApp;
  let owner: TestBusiness;
  let other: TestBusiness;
  let db: Client;
  const ids: Record<string, string> = {};
  const EVENT = randomUUID();
  let serviceId: string;

  async function customer(name: string, body: Json, facts: Json = {}): Promise<void> {
    const res = await t.http
      .post('/api/customers')
      .set(owner.auth)
      .send({ firstName: name, ...body });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    ids[name] = res.body.id;
    const cols = Object.keys(facts);
    if (cols.length) {
      await db.query(`UPDATE customers SET ${cols.map((k, i) => `${k} = $${i + 2}`).join(', ')} WHERE id = $1`, [
        res.body.id,
        ...Object.values(facts),
      ]);
    }
  }

  before(async () => {
    t = await startTestApp();
    owner = await newBusiness(t.http);
    other = await newBusiness(t.http);
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    const consent = { granted: true };
    await customer(
      'אורי',
      {
        email: 'ori@example.co.il',
        tags: ['VIP'],
        birthday: '1990-03-15',
        marketingConsent: { email: consent },
        customFields: { city: 'תל אביב', age: 34 },
      },
      { total_spend_agorot: 80_000, visit_count: 5, last_visit_at: daysAgo(200), last_activity_at: daysAgo(200) },
    );
    await customer(
      'Dana',
      {
        email: 'dana@example.com',
        tags: ['VIP', 'new'],
        language: 'en',
        birthday: '1985-07-01',
        marketingConsent: { sms: consent },
        phone: '+972521111111',
        customFields: { city: 'Haifa' },
      },
      { total_spend_agorot: 20_000, visit_count: 1, last_visit_at: daysAgo(10), last_activity_at: daysAgo(10) },
    );
    await customer('יוסי', { phone: '050-123-4567' }, { created_at: daysAgo(400) });
    await customer(
      'מאיה',
      {
        email: 'maya@example.co.il',
        tags: ['regular'],
        marketingConsent: { email: consent, sms: consent },
        phone: '+972522222222',
        customFields: { age: 28, vip: true },
      },
      { total_spend_agorot: 60_000, visit_count: 3, last_visit_at: daysAgo(100), last_paid_at: daysAgo(5), last_activity_at: daysAgo(5) },
    );
    await customer(
      'נועה',
      { email: 'noa@example.com', birthday: '2000-03-02' },
      { total_spend_agorot: 100_000, visit_count: 10, last_visit_at: daysAgo(1), last_activity_at: daysAgo(1) },
    );
    await customer(
      'אלי',
      { phone: '+972523333333' },
      { total_spend_agorot: 50_000, visit_count: 2, last_visit_at: daysAgo(180, 1), last_activity_at: daysAgo(180, 1) },
    );
    await customer('Robert', { email: 'bobby@example.com', customFields: { nickname: "Robert'); DROP TABLE customers;--" } });
    await customer('ארכיון', { email: 'gone@example.com', tags: ['VIP'] }, { archived_at: new Date(), total_spend_agorot: 999_999 });
    // A real booking records "booked service"; a registration fact is set directly.
    const bookable = await newBookable(t.http, owner);
    serviceId = bookable.serviceId;
    const booked = await t.http
      .post('/api/appointments')
      .set(owner.auth)
      .send({ serviceId, calendarId: bookable.calendarId, startsAt: localTime(3, '10:00'), customerId: ids['נועה'] });
    assert.equal(booked.status, 201, JSON.stringify(booked.body));
    await until(
      'the booking recorded as a fact',
      async () =>
        (await db.query(`SELECT 1 FROM customer_facts WHERE customer_id = $1 AND kind = 'service'`, [ids['נועה']])).rowCount === 1,
    );
    await db.query(
      `INSERT INTO customer_facts (business_id, customer_id, kind, ref_id, first_at, last_at) SELECT business_id, id, 'event', $2, now(), now() FROM customers WHERE id = $1`,
      [ids['אלי'], EVENT],
    );
  });
  after(async () => {
    await db.end();
    await t.close();
  });

  async function members(rule: unknown): Promise<string[]> {
    const res = await t.http.post('/api/segments/preview').set(owner.auth).send({ rule });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const names = (res.body.sample as { firstName: string }[]).map((m) => m.firstName).sort();
    assert.equal(res.body.count, names.length, 'the seed is smaller than the sample, so the sample is every member');
    return names;
  }

  const everyone = () => Object.keys(ids).filter((n) => n !== 'ארכיון');
  const ROBERT = 'Robert';
  const table: [string, unknown, string[] | (() => string[])][] = [
    ['spend over ₪500', all(c('totalSpendAgorot', '>', 50_000)), ['אורי', 'מאיה', 'נועה']],
    ['spend ₪500 or more', all(c('totalSpendAgorot', '>=', 50_000)), ['אורי', 'מאיה', 'נועה', 'אלי']],
    ['tagged VIP (archived customers never count)', all(c('tags', 'contains', 'VIP')), ['אורי', 'Dana']],
    ['tagged new or regular', all(c('tags', 'in', ['new', 'regular'])), ['Dana', 'מאיה']],
    ['not tagged VIP', all(c('tags', 'not in', ['VIP'])), () => everyone().filter((n) => !['אורי', 'Dana'].includes(n))],
    ['no tags at all', all(c('tags', 'exists', false)), ['יוסי', 'נועה', 'אלי', ROBERT]],
    ['email marketing consent', all(c('emailConsent', '=', true)), ['אורי', 'מאיה']],
    ['no SMS consent', all(c('smsConsent', '!=', true)), ['אורי', 'יוסי', 'נועה', 'אלי', ROBERT]],
    ['no visit for half a year (180 days counts)', all(c('daysSinceLastVisit', '>=', 180)), ['אורי', 'אלי']],
    ['no visit for more than 180 days', all(c('daysSinceLastVisit', '>', 180)), ['אורי']],
    ['visited within a week', all(c('daysSinceLastVisit', '<', 7)), ['נועה']],
    ['never visited', all(c('daysSinceLastVisit', 'exists', false)), ['יוסי', ROBERT]],
    ['inactive for a year (never active: since added)', all(c('daysSinceLastActivity', '>=', 365)), ['יוסי']],
    ['paid in the last 14 days', all(c('daysSinceLastPayment', '<=', 14)), ['מאיה']],
    ['added more than 300 days ago', all(c('daysSinceCreated', '>', 300)), ['יוסי']],
    ['half a year away and spent over ₪500', all(c('daysSinceLastVisit', '>=', 180), c('totalSpendAgorot', '>', 50_000)), ['אורי']],
    ['big spender or VIP', any(c('totalSpendAgorot', '>', 90_000), c('tags', 'contains', 'VIP')), ['אורי', 'Dana', 'נועה']],
    [
      'nested: (VIP and English) or (no tags and 2+ visits)',
      any(all(c('tags', 'contains', 'VIP'), c('language', '=', 'en')), all(c('tags', 'exists', false), c('visitCount', '>=', 2))),
      ['Dana', 'נועה', 'אלי'],
    ],
    ['visits 1 or 3', all(c('visitCount', 'in', [1, 3])), ['Dana', 'מאיה']],
    ['birthday in March', all(c('birthdayMonth', '=', 3)), ['אורי', 'נועה']],
    ['birthday in March or July', all(c('birthdayMonth', 'in', [3, 7])), ['אורי', 'Dana', 'נועה']],
    ['no birthday known', all(c('birthdayMonth', 'exists', false)), ['יוסי', 'מאיה', 'אלי', ROBERT]],
    ['speaks English', all(c('language', '=', 'en')), ['Dana']],
    ['custom field city contains תל', all(c('customField', 'contains', 'תל', 'city')), ['אורי']],
    ['custom field age 30 or more (numbers only)', all(c('customField', '>=', 30, 'age')), ['אורי']],
    ['custom field vip is true', all(c('customField', '=', true, 'vip')), ['מאיה']],
    ['has a city', all(c('customField', 'exists', true, 'city')), ['אורי', 'Dana']],
    ['booked the service', all(c('bookedService', '=', '$service')), ['נועה']],
    ['never booked the service', all(c('bookedService', '!=', '$service')), () => everyone().filter((n) => n !== 'נועה')],
    ['registered to the event', all(c('registeredEvent', 'in', [EVENT])), ['אלי']],
    ['first name equals', all(c('firstName', '=', 'אורי')), ['אורי']],
    ['a value with SQL in it is just text', all(c('customField', 'contains', "'); DROP TABLE", 'nickname')), [ROBERT]],
    ['a phone in local format finds the E.164 number', all(c('phone', '=', '050-123-4567')), ['יוסי']],
    ['an email in any case', all(c('email', '=', 'NOA@Example.com')), ['נועה']],
    ['a percent sign is not a wildcard', all(c('email', 'contains', '%')), []],
  ];

  for (const [title, rule, expected] of table) {
    it(`selects exactly: ${title}`, async () => {
      const withIds = JSON.parse(JSON.stringify(rule).replaceAll('$service', serviceId)) as unknown;
      assert.deepEqual(await members(withIds), (typeof expected === 'function' ? expected() : expected).sort());
    });
  }

  it('compares creation dates as calendar days of the business time zone', async () => {
    assert.deepEqual(await members(all(c('createdAt', '<', localDate(-300)))), ['יוסי']);
    assert.deepEqual(
      await members(all(c('createdAt', '=', localDate(0)))),
      everyone()
        .filter((n) => n !== 'יוסי')
        .sort(),
    );
    assert.deepEqual(await members(all(c('createdAt', '>', localDate(0)))), []);
  });

  it('refuses unknown fields and custom keys that carry SQL, with the path of the offending part', async () => {
    const bad = [
      [all(c('first_name = first_name OR 1=1 --', '=', 'x')), 'rule.rules.0.field'],
      [all(c('customField', 'exists', true, "city' OR '1'='1")), 'rule.rules.0.key'],
      [all(c('totalSpendAgorot', '>', '0 OR 1=1')), 'rule.rules.0.value'],
      [
        all(any(c('tags', 'contains', 'VIP'), { field: 'tags', operator: ';DELETE FROM customers', value: 'x' })),
        'rule.rules.0.rules.1.operator',
      ],
      [{ match: 'all', rules: [c('visitCount', '=', 1)], where: '1=1' }, 'rule'],
    ] as const;
    for (const [rule, field] of bad) {
      const problem = expectProblem(await t.http.post('/api/segments/preview').set(owner.auth).send({ rule }), 400);
      assert.deepEqual(fieldsOf(problem), [field], JSON.stringify(problem));
    }
    assert.equal((await members(all(c('tags', 'contains', "VIP'); DELETE FROM customers; --")))).length, 0);
    const kept = await db.query('SELECT count(*)::int AS n FROM customers WHERE business_id = $1', [owner.businessId]);
    assert.equal(kept.rows[0].n, Object.keys(ids).length, 'every customer is still there');
  });

  it('refuses a tree deeper than five levels (400) and accepts five', async () => {
    const nest = (depth: number): unknown => (depth === 1 ? all(c('visitCount', '>=', 0)) : all(nest(depth - 1)));
    assert.equal(
      (
        await t.http
          .post('/api/segments/preview')
          .set(owner.auth)
          .send({ rule: nest(5) })
      ).status,
      200,
    );
    const problem = expectProblem(
      await t.http
        .post('/api/segments/preview')
        .set(owner.auth)
        .send({ rule: nest(6) }),
      400,
    );
    assert.match(JSON.stringify(problem.errors), /nest at most 5 levels/);
  });

  it('saves, lists, counts, pages members, renames and deletes a segment; names are unique per business', async () => {
    const body = { name: 'רדומים עם כסף', rule: all(c('daysSinceLastVisit', '>=', 180), c('totalSpendAgorot', '>=', 50_000)) };
    const created = await t.http.post('/api/segments').set(owner.auth).send(body);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual(created.body.rule, body.rule);
    expectProblem(await t.http.post('/api/segments').set(owner.auth).send(body), 409);
    assert.equal((await t.http.post('/api/segments').set(other.auth).send(body)).status, 201, 'another business may use the name');
    const one = await t.http.get(`/api/segments/${created.body.id}`).set(owner.auth);
    assert.equal(one.body.count, 2);
    const page1 = await t.http.get(`/api/segments/${created.body.id}/customers`).query({ limit: 1 }).set(owner.auth);
    const page2 = await t.http.get(`/api/segments/${created.body.id}/customers`).query({ limit: 1, page: 2 }).set(owner.auth);
    assert.equal(page1.body.meta.total, 2);
    assert.deepEqual([page1.body.data[0].firstName, page2.body.data[0].firstName].sort(), ['אורי', 'אלי'].sort());
    const list = await t.http.get('/api/segments').set(owner.auth);
    assert.deepEqual(
      list.body.data.map((s: Json) => s.name),
      ['רדומים עם כסף'],
    );
    const badPatch = expectProblem(
      await t.http
        .patch(`/api/segments/${created.body.id}`)
        .set(owner.auth)
        .send({ rule: all(c('visitCount', 'contains', 1)) }),
      400,
    );
    assert.deepEqual(fieldsOf(badPatch), ['rule.rules.0.operator']);
    const renamed = await t.http
      .patch(`/api/segments/${created.body.id}`)
      .set(owner.auth)
      .send({ name: 'רדומים', rule: all(c('tags', 'contains', 'VIP')) });
    assert.equal(renamed.status, 200);
    assert.equal((await t.http.get(`/api/segments/${created.body.id}`).set(owner.auth)).body.count, 2);
    assert.equal((await t.http.delete(`/api/segments/${created.body.id}`).set(owner.auth)).status, 204);
    expectProblem(await t.http.get(`/api/segments/${created.body.id}`).set(owner.auth), 404);
  });

  it('lists the fields a rule builder offers, with operators and Hebrew labels', async () => {
    const res = await t.http.get('/api/segments/fields').set(owner.auth);
    assert.equal(res.status, 200);
    const byField = new Map((res.body as Json[]).map((f) => [f.field, f]));
    assert.equal(byField.size, 20);
    assert.deepEqual(byField.get('tags'), {
      field: 'tags',
      kind: 'tags',
      operators: ['contains', 'in', 'not in', 'exists'],
      label: { he: 'תגיות', en: 'Tags' },
    });
    for (const f of byField.values()) assert.match((f.label as Json).he as string, /[\u0590-\u05FF]/);
  });

  it("answers 404 for another business's segment on every route", async () => {
    const mine = await t.http
      .post('/api/segments')
      .set(owner.auth)
      .send({ name: 'VIP', rule: all(c('tags', 'contains', 'VIP')) });
    const id = mine.body.id as string;
    expectProblem(await t.http.get(`/api/segments/${id}`).set(other.auth), 404);
    expectProblem(await t.http.get(`/api/segments/${id}/customers`).set(other.auth), 404);
    expectProblem(await t.http.patch(`/api/segments/${id}`).set(other.auth).send({ name: 'x' }), 404);
    expectProblem(await t.http.delete(`/api/segments/${id}`).set(other.auth), 404);
    const theirs = await t.http
      .post('/api/segments/preview')
      .set(other.auth)
      .send({ rule: all(c('tags', 'contains', 'VIP')) });
    assert.equal(theirs.body.count, 0, "another business's preview sees none of these customers");
  });
});
