import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { AppException } from '../../src/common/problem/app.exception';
import { ActivityService } from '../../src/modules/activity/activity.service';
import { CustomerImportService } from '../../src/modules/customers/customer-import.service';
import { CustomerImportsRepository } from '../../src/modules/customers/customer-imports.repository';
import { CustomersService } from '../../src/modules/customers/customers.service';
import { expectProblem, fieldsOf, newBusiness, newMember, type TestBusiness } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const BOM = '\uFEFF';
/** A JSON answer body, as untyped as supertest gives it. */
type Json = Response['body'];

/** Reads CSV bytes from stdin with Python's own csv module and prints the rows as JSON. */
const PYTHON_CSV_TO_JSON =
  'import csv, io, json, sys; print(json.dumps(list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")))))';

describe('customers', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const create = (owner: TestBusiness, body: Record<string, unknown>) => t.http.post('/api/customers').set(owner.auth).send(body);

  async function created(owner: TestBusiness, body: Record<string, unknown>): Promise<Json> {
    const res = await create(owner, body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }

  async function startImport(
    owner: TestBusiness,
    csv: string | Buffer,
    mapping?: Record<string, string>,
    fileName = 'לקוחות.csv',
  ): Promise<string> {
    const req = t.http
      .post('/api/customers/import')
      .set(owner.auth)
      .attach('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv, 'utf8'), { filename: fileName, contentType: 'text/csv' });
    if (mapping) req.field('mapping', JSON.stringify(mapping));
    const res = await req;
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.match(res.body.jobId, /^[0-9a-f-]{36}$/);
    return res.body.jobId;
  }

  /** Polls the status endpoint until the import ends; returns every answer seen. */
  async function pollImport(owner: TestBusiness, jobId: string, timeoutMs = 60_000): Promise<Json[]> {
    const seen: Json[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await t.http.get(`/api/customers/import/${jobId}`).set(owner.auth);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      seen.push(res.body);
      if (res.body.status === 'completed' || res.body.status === 'failed') return seen;
      assert.ok(Date.now() < deadline, `import still ${res.body.status} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async function finishedImport(owner: TestBusiness, csv: string | Buffer, mapping?: Record<string, string>): Promise<Json> {
    const seen = await pollImport(owner, await startImport(owner, csv, mapping));
    const last = seen[seen.length - 1];
    assert.equal(last.status, 'completed', JSON.stringify(last));
    return last;
  }

  async function all(owner: TestBusiness, query = ''): Promise<Json[]> {
    const res = await t.http.get(`/api/customers?limit=100${query}`).set(owner.auth);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.data;
  }

  it('creates, reads, updates, archives (hidden from the list by default) and restores a customer', async () => {
    const owner = await newBusiness(t.http);
    const c = await created(owner, {
      firstName: 'דנה',
      lastName: 'כהן',
      phone: '050-1234567',
      email: ' Dana@Example.co.il ',
      tags: ['VIP', 'VIP', ' לקוחה קבועה '],
      notes: 'מעדיפה תורים בבוקר',
      address: 'הרצל 1, תל אביב',
      birthday: '1990-04-12',
      language: 'he',
      source: 'instagram',
      marketingConsent: { email: { granted: true, at: '2026-11-20T10:15:00+02:00', source: 'טופס באתר' } },
      customFields: { 'מידת נעליים': 38, allergies: 'אגוזים' },
    });
    assert.equal(c.phone, '+972501234567');
    assert.equal(c.email, 'dana@example.co.il');
    assert.deepEqual(c.tags, ['VIP', 'לקוחה קבועה']);
    assert.deepEqual(c.marketingConsent, {
      email: { granted: true, at: '2026-11-20T08:15:00.000Z', source: 'טופס באתר' },
      sms: { granted: false, at: null, source: null },
    });
    assert.deepEqual(c.customFields, { 'מידת נעליים': 38, allergies: 'אגוזים' });
    assert.equal(c.archived, false);
    assert.equal(c.totalSpendAgorot, 0);
    assert.equal(c.visitCount, 0);

    const got = await t.http.get(`/api/customers/${c.id}`).set(owner.auth);
    assert.equal(got.status, 200);
    assert.equal(got.body.firstName, 'דנה');

    const patched = await t.http
      .patch(`/api/customers/${c.id}`)
      .set(owner.auth)
      .send({ lastName: 'כהן-לוי', email: null, marketingConsent: { sms: { granted: true } } });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.equal(patched.body.lastName, 'כהן-לוי');
    assert.equal(patched.body.email, null);
    assert.equal(patched.body.marketingConsent.sms.granted, true);
    assert.equal(patched.body.marketingConsent.sms.source, 'manual');
    assert.equal(patched.body.marketingConsent.email.granted, true, 'the untouched channel keeps its consent');

    // Clearing the last contact detail is refused.
    const noContact = await t.http.patch(`/api/customers/${c.id}`).set(owner.auth).send({ phone: null });
    assert.equal(expectProblem(noContact, 400).code, 'customer.contact_required');

    const other = await created(owner, { firstName: 'יוסי', phone: '052-7654321' });
    assert.equal((await t.http.delete(`/api/customers/${c.id}`).set(owner.auth)).status, 204);
    assert.equal((await t.http.delete(`/api/customers/${c.id}`).set(owner.auth)).status, 204, 'archiving twice is fine');
    assert.deepEqual(
      (await all(owner)).map((x) => x.id),
      [other.id],
      'archived customers are left out by default',
    );
    assert.deepEqual(
      (await all(owner, '&archived=archived')).map((x) => x.id),
      [c.id],
    );
    assert.deepEqual(new Set((await all(owner, '&archived=all')).map((x) => x.id)), new Set([c.id, other.id]));
    const archived = await t.http.get(`/api/customers/${c.id}`).set(owner.auth);
    assert.equal(archived.body.archived, true);
    assert.ok(archived.body.archivedAt);

    const restored = await t.http.post(`/api/customers/${c.id}/restore`).set(owner.auth);
    assert.equal(restored.status, 200);
    assert.equal(restored.body.archived, false);
    assert.equal((await all(owner)).length, 2);
  });

  it('answers validation failures with 400 and the field paths', async () => {
    const owner = await newBusiness(t.http);
    const bad = await create(owner, {
      firstName: '1234',
      email: 'not-an-email',
      phone: '12345',
      birthday: '2001-02-30',
      language: 'fr',
      tags: ['a,b'],
      marketingConsent: { email: { granted: 'yes' } },
      customFields: { nested: { x: 1 } },
      unknownField: true,
    });
    assert.deepEqual(
      [...new Set(fieldsOf(expectProblem(bad, 400)))].sort(),
      [
        'birthday',
        'customFields',
        'email',
        'firstName',
        'language',
        'marketingConsent.email.granted',
        'phone',
        'tags',
        'unknownField',
      ].sort(),
    );
    const noContact = await create(owner, { firstName: 'דנה' });
    assert.deepEqual([...new Set(fieldsOf(expectProblem(noContact, 400)))], ['phone']);
    const noName = await create(owner, { phone: '0501234567' });
    assert.ok(fieldsOf(expectProblem(noName, 400)).includes('firstName'));

    const c = await created(owner, { firstName: 'Dana', email: 'dana@example.com' });
    const patch = await t.http.patch(`/api/customers/${c.id}`).set(owner.auth).send({ firstName: null, source: null });
    assert.deepEqual([...new Set(fieldsOf(expectProblem(patch, 400)))].sort(), ['firstName', 'source']);

    const list = await t.http.get('/api/customers?sort=password&archived=maybe&createdFrom=yesterday&limit=1000').set(owner.auth);
    assert.deepEqual([...new Set(fieldsOf(expectProblem(list, 400)))].sort(), ['archived', 'createdFrom', 'limit', 'sort']);
    expectProblem(await t.http.get('/api/customers/not-a-uuid').set(owner.auth), 400);
  });

  it("answers 404 for another business's customers and imports", async () => {
    const mine = await newBusiness(t.http);
    const theirs = await newBusiness(t.http);
    const c = await created(theirs, { firstName: 'שירה', phone: '054-2223333' });
    const jobId = await startImport(theirs, `${BOM}שם,טלפון\nרון,0547778888\n`);
    await pollImport(theirs, jobId);

    expectProblem(await t.http.get(`/api/customers/${c.id}`).set(mine.auth), 404);
    expectProblem(await t.http.patch(`/api/customers/${c.id}`).set(mine.auth).send({ lastName: 'לוי' }), 404);
    expectProblem(await t.http.delete(`/api/customers/${c.id}`).set(mine.auth), 404);
    expectProblem(await t.http.post(`/api/customers/${c.id}/restore`).set(mine.auth), 404);
    expectProblem(await t.http.get(`/api/customers/${c.id}/timeline`).set(mine.auth), 404);
    expectProblem(await t.http.get(`/api/customers/import/${jobId}`).set(mine.auth), 404);
    expectProblem(await t.http.get(`/api/customers/${randomUUID()}`).set(mine.auth), 404);
    assert.equal((await all(mine, '&archived=all')).length, 0);
    // Nothing changed on their side.
    const still = await t.http.get(`/api/customers/${c.id}`).set(theirs.auth);
    assert.equal(still.body.archived, false);
    assert.equal(still.body.lastName, null);
  });

  it('treats 050-1234567, +972501234567 and 972-50-123-4567 as one customer; an invalid phone is 400', async () => {
    const owner = await newBusiness(t.http);
    const first = await created(owner, { firstName: 'דנה', phone: '050-1234567' });
    assert.equal(first.phone, '+972501234567');
    for (const phone of ['+972501234567', '972-50-123-4567']) {
      const dup = await create(owner, { firstName: 'דנה', phone });
      const body = expectProblem(dup, 409);
      assert.equal(body.code, 'customer.phone_taken');
      assert.deepEqual(fieldsOf(body), ['phone']);
    }
    assert.deepEqual(fieldsOf(expectProblem(await create(owner, { firstName: 'דנה', phone: '050-123' }), 400)), ['phone']);

    const customers = t.app.get(CustomersService);
    for (const phone of ['050-1234567', '+972501234567', '972-50-123-4567']) {
      assert.deepEqual(await customers.matchOrCreate(owner.businessId, { firstName: 'דנה', phone, source: 'event_registration' }), {
        id: first.id,
        created: false,
      });
      assert.deepEqual(await customers.findByContact(owner.businessId, { phone }), { id: first.id });
    }
    await assert.rejects(
      customers.matchOrCreate(owner.businessId, { firstName: 'דנה', phone: 'abc', source: 'booking' }),
      (err: unknown) =>
        err instanceof AppException && err.status === 400 && err.code === 'customer.invalid_phone' && err.errors?.[0]?.field === 'phone',
    );
    assert.equal((await all(owner)).length, 1);
  });

  it('matchOrCreate matches by phone then email, is safe under concurrency, and recordVisit keeps the latest activity', async () => {
    const owner = await newBusiness(t.http);
    const customers = t.app.get(CustomersService);
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        customers.matchOrCreate(owner.businessId, {
          firstName: 'נועה',
          email: 'Noa@Example.co.il',
          phone: '053-1112222',
          source: 'event_registration',
        }),
      ),
    );
    assert.equal(results.filter((r) => r.created).length, 1);
    assert.equal(new Set(results.map((r) => r.id)).size, 1);
    const id = results[0].id;
    // Email alone matches (normalized), and archived customers are matched too.
    assert.equal((await t.http.delete(`/api/customers/${id}`).set(owner.auth)).status, 204);
    assert.deepEqual(
      await customers.matchOrCreate(owner.businessId, { firstName: 'x', email: ' NOA@example.co.il', source: 'subscribe' }),
      { id, created: false },
    );
    assert.deepEqual(await customers.getSummary(owner.businessId, id), {
      id,
      firstName: 'נועה',
      lastName: null,
      email: 'noa@example.co.il',
      phone: '+972531112222',
      language: 'he',
    });
    assert.equal(await customers.getSummary(owner.businessId, randomUUID()), null);
    assert.equal(await customers.findByContact(owner.businessId, { email: 'nobody@example.co.il' }), null);

    await customers.recordVisit(owner.businessId, id, new Date('2026-11-10T10:00:00Z'));
    await customers.recordVisit(owner.businessId, id, new Date('2026-11-01T10:00:00Z'));
    const c = (await t.http.get(`/api/customers/${id}`).set(owner.auth)).body;
    assert.equal(c.visitCount, 2);
    assert.equal(c.lastActivityAt, '2026-11-10T10:00:00.000Z');
    const other = await newBusiness(t.http);
    await customers.recordVisit(other.businessId, id, new Date());
    assert.equal(
      (await t.http.get(`/api/customers/${id}`).set(owner.auth)).body.visitCount,
      2,
      'another business cannot touch the counter',
    );
  });

  it('searches names in Hebrew with partial input, and emails and phones', async () => {
    const owner = await newBusiness(t.http);
    const dana = await created(owner, { firstName: 'דנה', lastName: 'כהן', phone: '050-1234567', email: 'dana@example.co.il' });
    const shira = await created(owner, { firstName: 'שירה', lastName: 'כהנא', phone: '052-9876543' });
    const yossi = await created(owner, { firstName: 'יוסי', lastName: 'לוי', email: 'yossi.levi@example.com' });
    const john = await created(owner, { firstName: 'John', lastName: "O'Brien", phone: '+44 7911 123456' });
    const ids = async (q: string) => new Set((await all(owner, `&q=${encodeURIComponent(q)}`)).map((c) => c.id));

    assert.deepEqual(await ids('כה'), new Set([dana.id, shira.id]));
    assert.deepEqual(await ids('כהן'), new Set([dana.id]));
    assert.deepEqual(await ids('הנ'), new Set([shira.id]));
    assert.deepEqual(await ids('לוי יוס'), new Set([yossi.id]), 'words in any order');
    assert.deepEqual(await ids('דָּנָה'), new Set([dana.id]), 'niqqud is ignored');
    assert.deepEqual(await ids('DANA@'), new Set([dana.id]));
    assert.deepEqual(await ids('050-123'), new Set([dana.id]));
    assert.deepEqual(await ids('+97252987'), new Set([shira.id]));
    assert.deepEqual(await ids('o’brien'.replace('’', "'")), new Set([john.id]));
    assert.deepEqual(await ids('%'), new Set(), 'LIKE wildcards match literally');
    const page = await t.http.get('/api/customers?q=%D7%9B%D7%94&limit=1').set(owner.auth);
    assert.equal(page.body.data.length, 1);
    assert.deepEqual(page.body.meta, { page: 1, limit: 1, total: 2 });
  });

  it('filters by tag, consent and creation time, and sorts', async () => {
    const owner = await newBusiness(t.http);
    const a = await created(owner, {
      firstName: 'אבי',
      phone: '0501111111',
      tags: ['VIP', 'יוגה'],
      marketingConsent: { email: { granted: true } },
    });
    const b = await created(owner, {
      firstName: 'בתיה',
      phone: '0502222222',
      tags: ['יוגה'],
      marketingConsent: { sms: { granted: true } },
    });
    const g = await created(owner, { firstName: 'גילה', phone: '0503333333' });
    const ids = async (query: string) => (await all(owner, query)).map((c) => c.id);

    assert.deepEqual(new Set(await ids('&tag=יוגה')), new Set([a.id, b.id]));
    assert.deepEqual(await ids('&tag=יוגה&tag=VIP'), [a.id]);
    assert.deepEqual(await ids('&consent=email'), [a.id]);
    assert.deepEqual(await ids('&consent=sms'), [b.id]);
    assert.deepEqual(await ids('&consent=none'), [g.id]);
    assert.deepEqual(await ids('&sort=firstName&order=asc'), [a.id, b.id, g.id]);
    assert.deepEqual(await ids('&sort=firstName&order=desc'), [g.id, b.id, a.id]);
    const future = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
    assert.deepEqual(await ids(`&createdFrom=${future}`), []);
    assert.equal((await ids(`&createdTo=${future}`)).length, 3);
  });

  it('pages newest first with the total, and without counting when asked total=false', async () => {
    const owner = await newBusiness(t.http);
    const made = [];
    for (const [i, firstName] of ['אורי', 'בני', 'גלי', 'דנה', 'הילה'].entries())
      made.push(await created(owner, { firstName, phone: `05044444${i}0` }));
    const archived = made[2];
    assert.equal((await t.http.delete(`/api/customers/${archived.id}`).set(owner.auth)).status, 204);
    const live = made.filter((c) => c.id !== archived.id).reverse();
    const page = async (q: string) => (await t.http.get(`/api/customers?limit=2${q}`).set(owner.auth).expect(200)).body;
    const first = await page('');
    assert.deepEqual(first.meta, { page: 1, limit: 2, total: 4 });
    assert.deepEqual(
      first.data.map((c: { id: string }) => c.id),
      live.slice(0, 2).map((c) => c.id),
    );
    const second = await page('&page=2&total=false');
    assert.deepEqual(second.meta, { page: 2, limit: 2, total: null });
    assert.deepEqual(
      second.data.map((c: { id: string }) => c.id),
      live.slice(2, 4).map((c) => c.id),
    );
    assert.deepEqual(second.data[0], (await t.http.get(`/api/customers/${live[2].id}`).set(owner.auth)).body);
    const body = expectProblem(await t.http.get('/api/customers?total=no').set(owner.auth), 400);
    assert.deepEqual(fieldsOf(body), ['total']);
  });

  it('shows the customer timeline newest first, including entries other modules record', async () => {
    const owner = await newBusiness(t.http);
    const c = await created(owner, { firstName: 'דנה', phone: '0501234567' });
    await t.http.patch(`/api/customers/${c.id}`).set(owner.auth).send({ notes: 'לקוחה חדשה' });
    await t.app.get(ActivityService).record({
      businessId: owner.businessId,
      actorType: 'system',
      actorId: null,
      actorName: null,
      action: 'appointment.completed',
      entityType: 'appointment',
      entityId: randomUUID(),
      customerId: c.id,
      summary: 'תור הושלם',
      ip: null,
      requestId: null,
      at: new Date(Date.now() + 1000),
    });
    // Listeners record asynchronously; poll briefly.
    let actions: string[] = [];
    for (let i = 0; i < 40 && actions.length < 3; i++) {
      const res = await t.http.get(`/api/customers/${c.id}/timeline`).set(owner.auth);
      assert.equal(res.status, 200);
      actions = res.body.data.map((e: { action: string }) => e.action);
      if (actions.length < 3) await new Promise((r) => setTimeout(r, 25));
    }
    assert.deepEqual(actions, ['appointment.completed', 'customer.updated', 'customer.created']);
    const other = await created(owner, { firstName: 'יוסי', phone: '0521234567' });
    const empty = await t.http.get(`/api/customers/${other.id}/timeline?limit=5`).set(owner.auth);
    assert.ok(empty.body.data.every((e: { customerId: string }) => e.customerId === other.id));
  });

  it('imports a CSV with Hebrew headers, a BOM, duplicates and bad rows with the exact report; re-importing creates nothing', async () => {
    const owner = await newBusiness(t.http);
    const csv =
      BOM +
      [
        'שם פרטי,שם משפחה,נייד,דוא"ל,תגיות,הערות',
        'דנה,כהן,050-1234567,dana@example.co.il,"VIP, קבועה",מעדיפה בוקר',
        'יוסי,לוי,+972521111111,,,',
        'דנה,כהן,0501234567,DANA@example.co.il,VIP,',
        'שירה,,972-54-222-3333,shira@example.co.il,,',
        ',,12345,bad-email,,',
        '123,כהן,0533333333,,,',
        'רון,,,,,',
        'יוסי,לוי,052-111-1111,yossi@example.co.il,,',
        '',
        'מיכל,אברהם,,michal@example.co.il,,"שורה ראשונה\nשורה שנייה"',
        ',,0541234567,,,',
      ].join('\r\n') +
      '\r\n';
    const seen = await pollImport(owner, await startImport(owner, csv));
    const done = seen[seen.length - 1];
    assert.equal(done.status, 'completed');
    assert.equal(done.fileName, 'לקוחות.csv');
    assert.deepEqual(done.progress, { done: 10, total: 10 });
    assert.deepEqual(done.report, {
      created: 4,
      updated: 1,
      skipped: 1,
      failed: 4,
      errors: [
        { row: 6, field: 'phone', message: 'phone must be a valid phone number (e.g. 050-1234567 or +972501234567)' },
        { row: 6, field: 'email', message: 'email must be an email' },
        { row: 7, field: 'firstName', message: 'firstName must be written in Hebrew or Latin letters' },
        { row: 8, field: 'phone', message: 'phone or email is required' },
        { row: 12, field: 'firstName', message: 'firstName is required for a new customer' },
      ],
    });
    const customers = await all(owner, '&sort=firstName&order=asc');
    assert.deepEqual(
      customers.map((c) => [c.firstName, c.lastName, c.phone, c.email, c.tags, c.notes, c.source]),
      [
        ['דנה', 'כהן', '+972501234567', 'dana@example.co.il', ['VIP', 'קבועה'], 'מעדיפה בוקר', 'import'],
        ['יוסי', 'לוי', '+972521111111', 'yossi@example.co.il', [], null, 'import'],
        ['מיכל', 'אברהם', null, 'michal@example.co.il', [], 'שורה ראשונה\nשורה שנייה', 'import'],
        ['שירה', null, '+972542223333', 'shira@example.co.il', [], null, 'import'],
      ],
    );

    const again = await finishedImport(owner, csv);
    assert.deepEqual({ ...again.report, errors: again.report.errors.length }, { created: 0, updated: 0, skipped: 6, failed: 4, errors: 5 });
    assert.equal((await all(owner, '&archived=all')).length, 4);
  });

  it('moves the progress endpoint from queued to done over a larger file, and honours an explicit mapping', async () => {
    const owner = await newBusiness(t.http);
    const first = ['דנה', 'יוסי', 'שירה', 'אבי', 'מיכל', 'רון', 'נועה', 'עומר', 'תמר', 'גיל'];
    const last = ['כהן', 'לוי', 'מזרחי', 'פרץ', 'ביטון', 'אברהם', 'פרידמן', 'אזולאי'];
    const rows = Array.from(
      { length: 3000 },
      (_, i) => `${first[i % 10]} ${last[i % 8]};05${String(20000000 + i).padStart(8, '0')};${i % 2 ? 'כן' : 'לא'};${i}`,
    );
    const csv = ['שם הלקוח;מספר;מאשר דיוור;מידה', ...rows].join('\n');
    const jobId = await startImport(owner, csv, { 'שם הלקוח': 'fullName', מספר: 'phone', 'מאשר דיוור': 'smsConsent', מידה: 'custom.מידה' });
    const seen = await pollImport(owner, jobId);
    const dones = seen.map((s) => s.progress.done);
    assert.ok(dones[0] < 3000, `the first poll saw ${dones[0]} rows done`);
    assert.ok(
      dones.every((d, i) => i === 0 || d >= dones[i - 1]),
      'progress never goes back',
    );
    assert.equal(seen[seen.length - 1].status, 'completed');
    assert.deepEqual(seen[seen.length - 1].progress, { done: 3000, total: 3000 });
    assert.equal(seen[seen.length - 1].report.created, 3000);
    assert.ok(['queued', 'running'].includes(seen[0].status));
    const [c] = await all(owner, `&q=${encodeURIComponent('0520000007')}`);
    assert.deepEqual([c.firstName, c.lastName, c.marketingConsent.sms.granted], ['עומר', 'אזולאי', true]);
    assert.equal(c.marketingConsent.sms.source, 'import');
    assert.deepEqual(c.customFields, { מידה: '7' });
    const sms = await t.http.get('/api/customers?consent=sms&limit=1').set(owner.auth);
    assert.equal(sms.body.meta.total, 1500);
  });

  it('runs two imports of the same file at once without duplicates or lost rows', async () => {
    const owner = await newBusiness(t.http);
    const rows = Array.from(
      { length: 1200 },
      (_, i) => `נועה,${i % 3 ? 'לוי' : 'כהן'},05${String(30000000 + i).padStart(8, '0')},noa${i}@example.co.il`,
    );
    const csv = ['שם פרטי,שם משפחה,טלפון,אימייל', ...rows].join('\n');
    const [a, b] = await Promise.all([startImport(owner, csv), startImport(owner, csv)]);
    const [ra, rb] = (await Promise.all([pollImport(owner, a), pollImport(owner, b)])).map((seen) => seen[seen.length - 1]);
    assert.deepEqual([ra.status, rb.status], ['completed', 'completed']);
    assert.equal(ra.report.created + rb.report.created, 1200);
    assert.equal(ra.report.failed + rb.report.failed, 0, JSON.stringify([ra.report.errors, rb.report.errors]));
    assert.equal(ra.report.created + ra.report.skipped + ra.report.updated, 1200);
    assert.equal(rb.report.created + rb.report.skipped + rb.report.updated, 1200);
    const [{ count }] = await t.app
      .get(DataSource)
      .query(`SELECT count(*)::int AS count FROM customers WHERE business_id = $1`, [owner.businessId]);
    assert.equal(count, 1200);
  });

  it('resumes an interrupted import after its last committed chunk', async () => {
    const owner = await newBusiness(t.http);
    const csv = `${BOM}שם,טלפון\nדנה,0501000001\nיוסי,0501000002\nשירה,0501000003\n`;
    // As if an earlier attempt had committed two rows (with their progress) and then the worker died.
    const stored = await t.app.get(CustomerImportsRepository).insert(owner.businessId, {
      status: 'running',
      fileName: 'x.csv',
      file: Buffer.from(csv),
      mapping: null,
      totalRows: 3,
      doneRows: 2,
      report: { created: 2, updated: 0, skipped: 0, failed: 0, errors: [] },
      failureReason: null,
      createdByUserId: null,
      startedAt: new Date(),
      finishedAt: null,
    });
    const report = await t.app.get(CustomerImportService).run(owner.businessId, stored.id, { lastAttempt: false });
    assert.deepEqual(report, { created: 3, updated: 0, skipped: 0, failed: 0, errors: [] });
    assert.deepEqual(
      (await all(owner)).map((c) => c.firstName),
      ['שירה'],
      'only the rows after the committed ones are written',
    );
    const status = (await t.http.get(`/api/customers/import/${stored.id}`).set(owner.auth)).body;
    assert.equal(status.status, 'completed');
    assert.deepEqual(status.progress, { done: 3, total: 3 });
    // Running a finished import again (a duplicate delivery) does nothing.
    await t.app.get(CustomerImportService).run(owner.businessId, stored.id, { lastAttempt: false });
    assert.equal((await all(owner)).length, 1);
  });

  it('refuses bad uploads: no file, not UTF-8, unknown columns, a bad mapping, more than 10 MB; staff may not import', async () => {
    const owner = await newBusiness(t.http);
    expectProblem(await t.http.post('/api/customers/import').set(owner.auth).send({}), 415);
    expectProblem(await t.http.post('/api/customers/import').set(owner.auth).field('mapping', '{}'), 400);
    const latin = Buffer.concat([Buffer.from('name,phone\n'), Buffer.from([0xf9, 0xed, 0x2c, 0x30, 0x35, 0x30, 0x0a])]);
    const notUtf8 = await t.http.post('/api/customers/import').set(owner.auth).attach('file', latin, 'x.csv');
    assert.equal(expectProblem(notUtf8, 400).code, 'customer_import.invalid_file');
    const noColumns = await t.http
      .post('/api/customers/import')
      .set(owner.auth)
      .attach('file', Buffer.from('עיר,צבע\nחיפה,כחול\n'), 'x.csv');
    const body = expectProblem(noColumns, 400);
    assert.equal(body.code, 'customer_import.columns');
    assert.deepEqual(fieldsOf(body), ['file', 'file']);
    const badMapping = await t.http
      .post('/api/customers/import')
      .set(owner.auth)
      .field('mapping', JSON.stringify({ עיר: 'city', חסר: 'phone', שם: 'firstName', טלפון: 'phone' }))
      .attach('file', Buffer.from('שם,טלפון,עיר\nדנה,0501234567,חיפה\n'), 'x.csv');
    assert.deepEqual(fieldsOf(expectProblem(badMapping, 400)), ['mapping.עיר', 'mapping.חסר']);
    const huge = await t.http
      .post('/api/customers/import')
      .set(owner.auth)
      .attach('file', Buffer.alloc(10 * 1024 * 1024 + 10, 0x61), 'big.csv');
    expectProblem(huge, 413);
    const staff = await newMember(t.http, owner, 'staff');
    expectProblem(
      await t.http.post('/api/customers/import').set(staff.auth).attach('file', Buffer.from('שם,טלפון\nדנה,0501234567\n'), 'x.csv'),
      403,
    );
  });

  it('exports CSV with a BOM that imports back with Hebrew byte-exact', async () => {
    const a = await newBusiness(t.http);
    const inputs = [
      {
        firstName: 'ז׳ני',
        lastName: 'בן-דוד',
        phone: '050-7654321',
        email: 'jenny@example.co.il',
        tags: ['VIP', 'לקוחה "קבועה"'],
        notes: 'שָׁלוֹם, "צה״ל"\nשורה שנייה 🎉',
        address: 'רח׳ הרצל 1, דירה 4',
        birthday: '1985-12-31',
        marketingConsent: { email: { granted: true } },
        customFields: { 'מידת נעליים': 38, הערה: 'כן' },
      },
      {
        firstName: 'Moshe',
        lastName: "D'Angelo",
        email: 'moshe@example.com',
        language: 'en',
        notes: '=1+1 is not a formula',
        source: 'פייסבוק',
      },
      { firstName: 'אורית', phone: '+972 54 555 6666', notes: '-מינוס בהתחלה', address: '@בית' },
    ] as const;
    for (const input of inputs) await created(a, input as unknown as Record<string, unknown>);
    const exported = await t.http
      .get('/api/customers/export')
      .set(a.auth)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    assert.equal(exported.status, 200);
    assert.match(exported.headers['content-type'], /^text\/csv; charset=utf-8/);
    assert.match(exported.headers['content-disposition'], /attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"/);
    const bytesA = exported.body as Buffer;
    assert.deepEqual([...bytesA.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    // An independent reader (Python's csv, as Excel reads it) sees one record per customer, multi-line notes intact.
    const python = spawnSync('python3', ['-c', PYTHON_CSV_TO_JSON], { input: bytesA, encoding: 'utf8' });
    assert.equal(python.status, 0, python.stderr);
    const rows = JSON.parse(python.stdout) as string[][];
    assert.equal(rows.length, 1 + inputs.length);
    assert.ok(rows.every((r) => r.length === rows[0].length));
    const notesAt = rows[0].indexOf('הערות');
    assert.ok(notesAt > 0, rows[0].join());
    assert.equal(rows.find((r) => r[1] === 'ז׳ני')![notesAt], inputs[0].notes);

    const b = await newBusiness(t.http);
    const report = (await finishedImport(b, bytesA)).report;
    assert.deepEqual({ ...report, errors: report.errors }, { created: 3, updated: 0, skipped: 0, failed: 0, errors: [] });

    const bytesB = (
      await t.http
        .get('/api/customers/export')
        .set(b.auth)
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        })
    ).body as Buffer;
    // Same bytes except the id and creation-time columns, which are new in B.
    const table = (bytes: Buffer) =>
      (parse(bytes, { bom: true }) as string[][]).map((r) => r.slice(1, -1)).sort((x, y) => x.join().localeCompare(y.join()));
    assert.equal(Buffer.from(JSON.stringify(table(bytesB))).equals(Buffer.from(JSON.stringify(table(bytesA)))), true);

    const inB = await all(b, '&sort=firstName&order=asc');
    const byName = new Map(inB.map((c) => [c.firstName, c]));
    for (const input of inputs) {
      const c = byName.get(input.firstName)!;
      for (const key of ['lastName', 'notes', 'address', 'birthday'] as const) {
        if (key in input)
          assert.equal(Buffer.from(c[key]).equals(Buffer.from((input as Record<string, string>)[key])), true, `${input.firstName}.${key}`);
      }
    }
    assert.deepEqual(byName.get('ז׳ני')!.tags, ['VIP', 'לקוחה "קבועה"']);
    assert.deepEqual(byName.get('ז׳ני')!.customFields, { 'מידת נעליים': 38, הערה: 'כן' });
    assert.equal(byName.get('ז׳ני')!.marketingConsent.email.granted, true);
    assert.equal(byName.get('Moshe')!.language, 'en');
    assert.equal(byName.get('Moshe')!.source, 'פייסבוק');

    // Filters apply to the export too.
    const filtered = await t.http.get(`/api/customers/export?q=${encodeURIComponent('ז׳נ')}&headers=en`).set(a.auth);
    const lines = parse(filtered.text.replace(/^\uFEFF/, '')) as string[][];
    assert.equal(lines.length, 2);
    assert.equal(lines[0][1], 'First name');
    assert.equal(lines[1][1], 'ז׳ני');
  });
});
