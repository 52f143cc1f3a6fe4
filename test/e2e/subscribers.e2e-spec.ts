import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SubscriberChannel } from '../../src/modules/subscribers/entities/subscriber.entity';
import { SubscriptionLinks, TokenPurpose } from '../../src/modules/subscribers/subscription-links.service';
import { outboxMailsTo, waitForOutboxMail, type ParsedMail } from '../support/eml';
import { expectProblem, fieldsOf, newBusiness, type TestBusiness } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

let ipCounter = 0;
/** Each test signs up from its own address: the public form's rate limit is per address. */
const nextIp = () => `203.0.113.${++ipCounter}`;
const unique = () => Math.random().toString(36).slice(2, 10);

const CONFIRM_LINK = /\/api\/public\/subscriptions\/confirm\/([A-Za-z0-9_-]{74})/;
const UNSUBSCRIBE_HEADER = /^<http:\/\/localhost:3000\/api\/public\/unsubscribe\/([A-Za-z0-9_-]{74})>$/;

describe('subscribers', () => {
  let t: TestApp;
  let outbox: string;
  before(async () => {
    t = await startTestApp();
    outbox = join(t.dataDir, 'outbox');
  });
  after(() => t.close());

  async function slugOf(owner: TestBusiness): Promise<string> {
    const res = await t.http.get('/api/business').set(owner.auth);
    assert.equal(res.status, 200);
    return res.body.slug;
  }

  async function subscribePublic(slug: string, body: Record<string, unknown>, ip: string) {
    return t.http.post(`/api/public/${slug}/subscribe`).set('X-Forwarded-For', ip).send(body);
  }

  async function findByEmail(owner: TestBusiness, email: string): Promise<{ id: string; lists: string[]; [field: string]: unknown }> {
    const res = await t.http.get('/api/subscribers').query({ q: email }).set(owner.auth);
    assert.equal(res.status, 200);
    const found = res.body.data.find((s: { email: string }) => s.email === email);
    assert.ok(found, `no subscriber ${email}`);
    return found;
  }

  const confirmationTo = (email: string) => waitForOutboxMail(outbox, (m) => m.header('to') === email);
  const confirmTokenOf = (mail: ParsedMail) => CONFIRM_LINK.exec(mail.text)![1];
  const unsubscribeTokenOf = (mail: ParsedMail) => UNSUBSCRIBE_HEADER.exec(mail.header('list-unsubscribe') ?? '')![1];

  it('creates, filters, reads, updates and deletes subscribers', async () => {
    const owner = await newBusiness(t.http);
    const created = await t.http
      .post('/api/subscribers')
      .set(owner.auth)
      .send({
        email: ' Dana@Example.CO.IL ',
        phone: '050-1234567',
        name: 'דנה לוי',
        lists: ['ניוזלטר', 'סדנאות', 'ניוזלטר'],
        consentSource: 'in_store',
        consentAt: '2026-03-01T10:00:00+02:00',
      });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const s = created.body;
    assert.equal(s.email, 'dana@example.co.il');
    assert.equal(s.phone, '+972501234567');
    assert.deepEqual(s.lists, ['ניוזלטר', 'סדנאות']);
    assert.equal(s.emailStatus, 'subscribed');
    assert.equal(s.smsStatus, 'subscribed');
    assert.equal(s.emailConsentAt, '2026-03-01T08:00:00.000Z');
    assert.equal(s.consentSource, 'in_store');

    const smsOnly = await t.http
      .post('/api/subscribers')
      .set(owner.auth)
      .send({ phone: '+972521112233', lists: ['מבצעים'], smsStatus: 'unsubscribed' });
    assert.equal(smsOnly.status, 201, JSON.stringify(smsOnly.body));
    assert.equal(smsOnly.body.emailStatus, null);
    assert.ok(smsOnly.body.smsUnsubscribedAt);

    const ids = async (query: Record<string, string>) => {
      const res = await t.http.get('/api/subscribers').query(query).set(owner.auth);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return res.body.data.map((x: { id: string }) => x.id).sort();
    };
    assert.deepEqual(await ids({ list: 'סדנאות' }), [s.id]);
    assert.deepEqual(await ids({ channel: 'email' }), [s.id]);
    assert.deepEqual(await ids({ channel: 'sms' }), [s.id, smsOnly.body.id].sort());
    assert.deepEqual(await ids({ channel: 'sms', status: 'unsubscribed' }), [smsOnly.body.id]);
    assert.deepEqual(await ids({ status: 'subscribed' }), [s.id]);
    assert.deepEqual(await ids({ q: 'דנה' }), [s.id]);
    const page = await t.http.get('/api/subscribers').query({ limit: 1 }).set(owner.auth);
    assert.deepEqual(page.body.meta, { page: 1, limit: 1, total: 2 });

    const patched = await t.http
      .patch(`/api/subscribers/${s.id}`)
      .set(owner.auth)
      .send({ emailStatus: 'unsubscribed', lists: ['VIP'], name: null });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.equal(patched.body.emailStatus, 'unsubscribed');
    assert.ok(patched.body.emailUnsubscribedAt);
    assert.equal(patched.body.smsStatus, 'subscribed');
    assert.deepEqual(patched.body.lists, ['VIP']);
    assert.equal(patched.body.name, null);
    assert.deepEqual((await t.http.get(`/api/subscribers/${s.id}`).set(owner.auth)).body.lists, ['VIP']);

    // Removing the only address is refused; removing one of two drops that channel.
    expectProblem(await t.http.patch(`/api/subscribers/${smsOnly.body.id}`).set(owner.auth).send({ phone: null }), 400);
    const noPhone = await t.http.patch(`/api/subscribers/${s.id}`).set(owner.auth).send({ phone: null });
    assert.equal(noPhone.body.smsStatus, null);

    assert.equal((await t.http.delete(`/api/subscribers/${s.id}`).set(owner.auth)).status, 204);
    expectProblem(await t.http.get(`/api/subscribers/${s.id}`).set(owner.auth), 404);
  });

  it('links a subscriber to the customer with the same phone or email', async () => {
    const owner = await newBusiness(t.http);
    const customer = await t.http.post('/api/customers').set(owner.auth).send({ firstName: 'יוסי', phone: '054-7654321' });
    assert.equal(customer.status, 201, JSON.stringify(customer.body));
    const sub = await t.http
      .post('/api/subscribers')
      .set(owner.auth)
      .send({ phone: '+972547654321', email: `yossi-${unique()}@example.co.il` });
    assert.equal(sub.body.customerId, customer.body.id);
    const other = await t.http
      .post('/api/subscribers')
      .set(owner.auth)
      .send({ email: `nobody-${unique()}@example.co.il` });
    assert.equal(other.body.customerId, null);
  });

  it('refuses invalid input with field paths and duplicates with 409', async () => {
    const owner = await newBusiness(t.http);
    const empty = expectProblem(await t.http.post('/api/subscribers').set(owner.auth).send({}), 400);
    assert.deepEqual([...new Set(fieldsOf(empty))], ['email']);
    const bad = expectProblem(
      await t.http
        .post('/api/subscribers')
        .set(owner.auth)
        .send({ email: 'not-an-email', phone: '123', lists: ['ok', ''], emailStatus: 'maybe', consentAt: 'yesterday', extra: 1 }),
      400,
    );
    assert.deepEqual([...new Set(fieldsOf(bad))].sort(), ['consentAt', 'email', 'emailStatus', 'extra', 'lists', 'phone']);
    const query = expectProblem(
      await t.http.get('/api/subscribers').query({ status: 'gone', channel: 'fax', limit: 1000 }).set(owner.auth),
      400,
    );
    assert.deepEqual(fieldsOf(query).sort(), ['channel', 'limit', 'status']);
    const channel = expectProblem(
      await t.http.post('/api/subscribers').set(owner.auth).send({ phone: '0501234567', emailStatus: 'subscribed' }),
      400,
    );
    assert.deepEqual(fieldsOf(channel), ['emailStatus']);

    const slug = await slugOf(owner);
    const publicBad = expectProblem(await subscribePublic(slug, { email: 'dana@', consent: false }, nextIp()), 400);
    assert.deepEqual(fieldsOf(publicBad).sort(), ['consent', 'email']);
    const noConsent = expectProblem(await subscribePublic(slug, { email: 'dana@example.co.il' }, nextIp()), 400);
    assert.deepEqual(fieldsOf(noConsent), ['consent']);

    const email = `dup-${unique()}@example.co.il`;
    assert.equal((await t.http.post('/api/subscribers').set(owner.auth).send({ email })).status, 201);
    assert.equal(
      expectProblem(await t.http.post('/api/subscribers').set(owner.auth).send({ email: email.toUpperCase() }), 409).code,
      'subscriber.email_taken',
    );
  });

  it("answers 404 for another business's subscriber", async () => {
    const a = await newBusiness(t.http);
    const b = await newBusiness(t.http);
    const theirs = await t.http
      .post('/api/subscribers')
      .set(b.auth)
      .send({ email: `b-${unique()}@example.co.il` });
    const id = theirs.body.id;
    expectProblem(await t.http.get(`/api/subscribers/${id}`).set(a.auth), 404);
    expectProblem(await t.http.patch(`/api/subscribers/${id}`).set(a.auth).send({ name: 'x' }), 404);
    expectProblem(await t.http.delete(`/api/subscribers/${id}`).set(a.auth), 404);
    assert.equal((await t.http.get('/api/subscribers').set(a.auth)).body.meta.total, 0);
    assert.equal((await t.http.get(`/api/subscribers/${id}`).set(b.auth)).status, 200);
  });

  it('public subscribe → confirmation mail → confirm → unsubscribe by GET, idempotently', async () => {
    const owner = await newBusiness(t.http, { businessName: 'סטודיו דנה' });
    const slug = await slugOf(owner);
    const email = `dana-${unique()}@example.co.il`;
    const ip = nextIp();

    const res = await subscribePublic(slug, { email, name: 'דנה', lists: ['ניוזלטר'], consent: true }, ip);
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.deepEqual(res.body, { emailConfirmationRequired: true, smsSubscribed: false });
    const pending = await findByEmail(owner, email);
    assert.equal(pending.emailStatus, 'pending');
    assert.equal(pending.emailConsentAt, null);
    assert.equal(pending.consentSource, 'public_form');
    assert.equal(pending.consentIp, ip);

    const mail = await confirmationTo(email);
    assert.equal(mail.subject, 'אישור הרשמה לדיוור של סטודיו דנה');
    assert.match(mail.raw, /^Subject: =\?UTF-8\?[BQ]\?/m, 'the Hebrew subject is RFC 2047 encoded');
    // From carries the business's name (its sender name setting, by default its name) with EMAIL_FROM's address.
    assert.equal(mail.header('from'), 'סטודיו דנה <no-reply@chatgrow.local>');
    assert.equal(mail.header('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    assert.match(mail.header('list-unsubscribe')!, UNSUBSCRIBE_HEADER);
    assert.match(mail.text, /שלום דנה,/);
    assert.match(mail.html, /dir="rtl"/);

    const confirmToken = confirmTokenOf(mail);
    const confirmed = await t.http.get(`/api/public/subscriptions/confirm/${confirmToken}`);
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
    assert.deepEqual(confirmed.body, { channel: 'email', status: 'subscribed', businessName: 'סטודיו דנה' });
    const again = await t.http.get(`/api/public/subscriptions/confirm/${confirmToken}`);
    assert.equal(again.body.status, 'subscribed');
    const subscribed = await findByEmail(owner, email);
    assert.equal(subscribed.emailStatus, 'subscribed');
    assert.ok(subscribed.emailConsentAt);

    const unsubscribeToken = unsubscribeTokenOf(mail);
    const out = await t.http.get(`/api/public/unsubscribe/${unsubscribeToken}`);
    assert.equal(out.status, 200);
    assert.deepEqual(out.body, { channel: 'email', status: 'unsubscribed', businessName: 'סטודיו דנה' });
    const first = (await findByEmail(owner, email)).emailUnsubscribedAt;
    assert.ok(first);
    const outAgain = await t.http
      .get(`/api/public/unsubscribe/${unsubscribeToken}`)
      .set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8');
    assert.equal(outAgain.status, 200);
    assert.match(outAgain.headers['content-type'], /text\/html/);
    assert.match(outAgain.text, /הוסרתם מרשימת הדיוור של סטודיו דנה/);
    assert.equal((await findByEmail(owner, email)).emailUnsubscribedAt, first, 'the first refusal is the one recorded');

    // An old confirmation link cannot re-subscribe someone who opted out.
    assert.equal(
      expectProblem(await t.http.get(`/api/public/subscriptions/confirm/${confirmToken}`), 409).code,
      'subscription.not_pending',
    );

    // The evidence is in the activity log.
    const activity = await t.http.get('/api/activity').query({ entityId: subscribed.id }).set(owner.auth);
    const actions = activity.body.data.map((e: { action: string }) => e.action).sort();
    assert.deepEqual(actions, ['subscriber.confirmed', 'subscriber.unsubscribed']);
  });

  it('unsubscribes by RFC 8058 one-click POST, idempotently', async () => {
    const owner = await newBusiness(t.http);
    const slug = await slugOf(owner);
    const email = `noa-${unique()}@example.co.il`;
    assert.equal((await subscribePublic(slug, { email, consent: true }, nextIp())).status, 202);
    const mail = await confirmationTo(email);
    assert.equal((await t.http.get(`/api/public/subscriptions/confirm/${confirmTokenOf(mail)}`)).status, 200);

    const url = `/api/public/unsubscribe/${unsubscribeTokenOf(mail)}`;
    const post = await t.http.post(url).type('form').send('List-Unsubscribe=One-Click');
    assert.equal(post.status, 200, JSON.stringify(post.body));
    assert.equal(post.body.status, 'unsubscribed');
    const first = (await findByEmail(owner, email)).emailUnsubscribedAt;
    const again = await t.http.post(url).type('form').send('List-Unsubscribe=One-Click');
    assert.equal(again.status, 200);
    assert.equal((await findByEmail(owner, email)).emailUnsubscribedAt, first);
    expectProblem(await t.http.post(url).type('form').send('List-Unsubscribe=Something-Else'), 400);
  });

  it('refuses expired, forged and malformed links, and links for an address that changed', async () => {
    const owner = await newBusiness(t.http);
    const slug = await slugOf(owner);
    const email = `eli-${unique()}@example.co.il`;
    await subscribePublic(slug, { email, consent: true }, nextIp());
    const mail = await confirmationTo(email);
    const sub = await findByEmail(owner, email);
    const tokens = t.app.get(SubscriptionLinks, { strict: false });

    const expired = tokens.sign(
      {
        purpose: TokenPurpose.confirm,
        channel: SubscriberChannel.email,
        businessId: owner.businessId,
        subscriberId: sub.id,
        expiresAt: Math.floor(Date.now() / 1000) - 60,
      },
      email,
    );
    assert.equal(expectProblem(await t.http.get(`/api/public/subscriptions/confirm/${expired}`), 400).code, 'subscription.link_expired');

    const real = confirmTokenOf(mail);
    const forged = real.slice(0, -2) + (real.endsWith('AA') ? 'BB' : 'AA');
    for (const token of [forged, 'abc', `${real}x`, unsubscribeTokenOf(mail)]) {
      assert.equal(
        expectProblem(await t.http.get(`/api/public/subscriptions/confirm/${token}`), 404).code,
        'subscription.link_invalid',
        token,
      );
    }
    expectProblem(await t.http.get(`/api/public/unsubscribe/${real}`), 404);
    expectProblem(await t.http.post(`/api/public/unsubscribe/${forged}`).type('form').send('List-Unsubscribe=One-Click'), 404);
    assert.equal((await findByEmail(owner, email)).emailStatus, 'pending', 'nothing changed');

    // The signature covers the address: after it changes, old links stop working.
    const changed = await t.http
      .patch(`/api/subscribers/${sub.id}`)
      .set(owner.auth)
      .send({ email: `eli-new-${unique()}@example.co.il` });
    assert.equal(changed.status, 200);
    expectProblem(await t.http.get(`/api/public/subscriptions/confirm/${real}`), 404);
    expectProblem(await t.http.get(`/api/public/unsubscribe/${unsubscribeTokenOf(mail)}`), 404);
  });

  it('public subscribe: unknown business 404, SMS consent at once, one confirmation per window, no leak', async () => {
    expectProblem(await subscribePublic('no-such-business', { email: 'a@example.co.il', consent: true }, nextIp()), 404);

    const owner = await newBusiness(t.http);
    const slug = await slugOf(owner);
    const ip = nextIp();
    const sms = await subscribePublic(slug, { phone: '052-9876543', name: 'רון', consent: true }, ip);
    assert.equal(sms.status, 202);
    assert.deepEqual(sms.body, { emailConfirmationRequired: false, smsSubscribed: true });
    const list = await t.http.get('/api/subscribers').query({ channel: 'sms' }).set(owner.auth);
    assert.equal(list.body.data[0].phone, '+972529876543');
    assert.equal(list.body.data[0].smsStatus, 'subscribed');
    assert.equal(list.body.data[0].consentIp, ip);

    const email = `twice-${unique()}@example.co.il`;
    const first = await subscribePublic(slug, { email, lists: ['א'], consent: true }, nextIp());
    const second = await subscribePublic(slug, { email, lists: ['ב'], consent: true }, nextIp());
    assert.deepEqual(second.body, first.body, 'the answer does not reveal that the address was already there');
    await confirmationTo(email);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(outboxMailsTo(outbox, email).length, 1, 'a repeated sign-up does not send a second confirmation');
    assert.deepEqual((await findByEmail(owner, email)).lists, ['א', 'ב']);
  });

  it('rate-limits the public form per address', async () => {
    const owner = await newBusiness(t.http);
    const slug = await slugOf(owner);
    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await subscribePublic(slug, { phone: `05012${String(i).padStart(5, '0')}`, consent: true }, ip)).status);
    assert.deepEqual(statuses, [...Array(10).fill(202), 429]);
    assert.equal(
      (await subscribePublic(slug, { phone: '0501299999', consent: true }, nextIp())).status,
      202,
      'another address is not limited',
    );
    // Each SMS consent is in the activity log (recorded after the answer: wait for it).
    const deadline = Date.now() + 10_000;
    let total = 0;
    while (total < 11 && Date.now() < deadline) {
      total = (await t.http.get('/api/activity').query({ action: 'subscriber.confirmed' }).set(owner.auth)).body.meta.total;
      if (total < 11) await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(total, 11);
  });
});
