// Sending through the message log: queued → sending → sent, retries with
// backoff on a temporary failure, `failed` with the reason after the last
// attempt, one message per Idempotency-Key, consent for marketing, and quiet
// hours for marketing SMS. Real SMTP server, real queue, real PostgreSQL.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { expectProblem, fieldsOf, newBusiness, type TestBusiness } from '../support/factories';
import { waitForMessage } from '../support/messages';
import { startSmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';

describe('sending messages', () => {
  let t: TestApp;
  let owner: TestBusiness;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  before(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ EMAIL_DRIVER: 'smtp', SMTP_URL: smtp.url, MESSAGE_MAX_ATTEMPTS: '3', MESSAGE_RETRY_DELAY_MS: '50' });
    owner = await newBusiness(t.http);
  });
  after(async () => {
    await t.close();
    await smtp.close();
  });

  const send = (body: object, headers: Record<string, string> = {}) =>
    t.http.post('/api/notifications/send').set(owner.auth).set(headers).send(body);

  it('logs a message first, then sends it once: queued → sent, with the provider id, on the customer timeline', async () => {
    const customer = await t.http.post('/api/customers').set(owner.auth).send({ firstName: 'נועה', email: 'noa@example.co.il' });
    const res = await send({
      channel: 'email',
      kind: 'transactional',
      customerId: customer.body.id,
      subject: 'שלום נועה',
      body: 'התור שלך מחר ב-10:00',
    });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.equal(res.body.status, 'queued');
    const sent = await waitForMessage(t.http, owner.auth, res.body.id, (m) => m.status === 'sent');
    assert.equal(sent.provider, 'smtp');
    assert.ok(sent.providerMessageId);
    assert.equal(sent.attempts, 1);
    const mail = await smtp.waitFor((m) => m.envelope.to.includes('noa@example.co.il'));
    assert.equal(mail.subject, 'שלום נועה');
    assert.equal(mail.text.trim(), 'התור שלך מחר ב-10:00');
    const timeline = await t.http.get(`/api/customers/${customer.body.id}/timeline`).set(owner.auth);
    assert.ok(timeline.body.data.some((e: { action: string }) => e.action === 'message.sent'));
  });

  it('retries a temporary failure with backoff and sends exactly once', async () => {
    smtp.failNext(2);
    const before = smtp.received.length;
    const res = await send({ channel: 'email', kind: 'transactional', to: 'retry@example.co.il', subject: 'נסיון', body: 'שוב' });
    const sent = await waitForMessage(t.http, owner.auth, res.body.id, (m) => m.status === 'sent');
    assert.equal(sent.attempts, 3);
    assert.equal(smtp.received.length - before, 1);
  });

  it('does not send again when recording `sent` fails after the server accepted the mail', async () => {
    // The database refuses the first two writes of `sent` for this address (a sequence survives the rollback).
    const db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    await db.query(`
      CREATE SEQUENCE refused_sent;
      CREATE FUNCTION refuse_sent_twice() RETURNS trigger AS $$
      BEGIN
        IF NEW.fields->>'status' = 'sent' AND NEW.fields->>'to' = 'dbfail@example.co.il' THEN
          IF nextval('refused_sent') <= 2 THEN
            RAISE EXCEPTION 'injected: the database refuses this write';
          END IF;
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql;
      CREATE TRIGGER refuse_sent_twice BEFORE UPDATE ON stream_documents FOR EACH ROW EXECUTE FUNCTION refuse_sent_twice();`);
    try {
      const before = smtp.received.length;
      const res = await send({ channel: 'email', kind: 'transactional', to: 'dbfail@example.co.il', subject: 'פעם', body: 'אחת' });
      const sent = await waitForMessage(t.http, owner.auth, res.body.id, (m) => m.status === 'sent');
      assert.equal(sent.attempts, 1);
      assert.equal((await db.query(`SELECT last_value FROM refused_sent`)).rows[0].last_value, '3');
      assert.equal(smtp.received.length - before, 1);
    } finally {
      await db.query('DROP TRIGGER refuse_sent_twice ON stream_documents; DROP FUNCTION refuse_sent_twice(); DROP SEQUENCE refused_sent');
      await db.end();
    }
  });

  it('marks a message failed with the reason after the last attempt, and retries it on request', async () => {
    smtp.failNext(3);
    const res = await send({ channel: 'email', kind: 'transactional', to: 'down@example.co.il', subject: 'x', body: 'y' });
    const failed = await waitForMessage(t.http, owner.auth, res.body.id, (m) => m.status === 'failed');
    assert.equal(failed.attempts, 3);
    assert.match(failed.lastError ?? '', /451|Try again later/);
    const retried = await t.http.post(`/api/notifications/history/${res.body.id}/retry`).set(owner.auth).send({});
    assert.equal(retried.status, 202, JSON.stringify(retried.body));
    const sent = await waitForMessage(t.http, owner.auth, res.body.id, (m) => m.status === 'sent');
    assert.equal(sent.lastError, null);
    assert.equal(
      expectProblem(await t.http.post(`/api/notifications/history/${res.body.id}/retry`).set(owner.auth).send({}), 409).code,
      'message.not_failed',
    );
  });

  it('answers an Idempotency-Key replay with the same message, and another body with 422', async () => {
    const body = { channel: 'email', kind: 'transactional', to: 'once@example.co.il', subject: 'פעם אחת', body: 'רק פעם אחת' };
    const first = await send(body, { 'Idempotency-Key': 'msg-1' });
    const again = await send(body, { 'Idempotency-Key': 'msg-1' });
    assert.equal(again.body.id, first.body.id);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal(expectProblem(await send({ ...body, body: 'אחר' }, { 'Idempotency-Key': 'msg-1' }), 422).code, 'idempotency.key_reused');
    await waitForMessage(t.http, owner.auth, first.body.id, (m) => m.status === 'sent');
    assert.equal(smtp.received.filter((m) => m.envelope.to.includes('once@example.co.il')).length, 1);
  });

  it('refuses marketing without consent (422, nothing logged or sent), and sends it with consent and an opt-out', async () => {
    const without = await t.http.post('/api/customers').set(owner.auth).send({ firstName: 'דן', email: 'no-consent@example.co.il' });
    const refused = await send({ channel: 'email', kind: 'marketing', customerId: without.body.id, subject: 'מבצע', body: 'הנחה' });
    assert.equal(expectProblem(refused, 422).code, 'message.no_consent');
    const history = await t.http.get('/api/notifications/history').set(owner.auth).query({ customerId: without.body.id });
    assert.equal(history.body.meta.total, 0);

    const consenting = await t.http
      .post('/api/customers')
      .set(owner.auth)
      .send({ firstName: 'רותי', email: 'yes@example.co.il', marketingConsent: { email: { granted: true } } });
    const ok = await send({ channel: 'email', kind: 'marketing', customerId: consenting.body.id, subject: 'מבצע', body: 'הנחה' });
    assert.equal(ok.status, 202, JSON.stringify(ok.body));
    await waitForMessage(t.http, owner.auth, ok.body.id, (m) => m.status === 'sent');
    const mail = await smtp.waitFor((m) => m.envelope.to.includes('yes@example.co.il'));
    assert.match(mail.header('list-unsubscribe') ?? '', /^<http.*\/api\/public\/unsubscribe\/[A-Za-z0-9_-]+>$/);
    assert.equal(mail.header('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    // The link withdraws the customer's consent.
    const link = /\/api\/public\/unsubscribe\/([A-Za-z0-9_-]+)/.exec(mail.header('list-unsubscribe')!)![1];
    assert.equal(
      (await t.http.post(`/api/public/unsubscribe/${link}`).type('form').send('List-Unsubscribe=One-Click')).body.status,
      'unsubscribed',
    );
    const after = await t.http.get(`/api/customers/${consenting.body.id}`).set(owner.auth);
    assert.equal(after.body.marketingConsent.email.granted, false);
    expectProblem(await send({ channel: 'email', kind: 'marketing', customerId: consenting.body.id, subject: 'מבצע', body: 'שוב' }), 422);
  });

  it('holds a marketing SMS due in quiet hours until they end, and not a transactional one; counts Hebrew segments', async () => {
    const customer = await t.http
      .post('/api/customers')
      .set(owner.auth)
      .send({ firstName: 'אבי', phone: '0521112233', marketingConsent: { sms: { granted: true } } });
    const night = DateTime.now().setZone('Asia/Jerusalem').plus({ days: 3 }).set({ hour: 23, minute: 30, second: 0, millisecond: 0 });
    const sendAt = night.toISO()!;
    const marketing = await send({ channel: 'sms', kind: 'marketing', customerId: customer.body.id, body: 'מבצע חורף: 20% הנחה', sendAt });
    assert.equal(marketing.status, 202, JSON.stringify(marketing.body));
    assert.equal(marketing.body.sendAt, night.plus({ days: 1 }).set({ hour: 8, minute: 0 }).toUTC().toISO());
    assert.match(marketing.body.text, /להסרה השב הסר$/);
    assert.equal(marketing.body.segments, 1);
    const transactional = await send({ channel: 'sms', kind: 'transactional', customerId: customer.body.id, body: 'א'.repeat(71), sendAt });
    assert.equal(new Date(transactional.body.sendAt).toISOString(), new Date(sendAt).toISOString());
    assert.equal(transactional.body.segments, 2);
  });

  it('writes an SMS to the local log driver', async () => {
    const res = await send({ channel: 'sms', kind: 'transactional', to: '052-9998877', body: 'שלום מהמספרה' });
    const sent = await waitForMessage(t.http, owner.auth, res.body.id, (m) => m.status === 'sent');
    assert.equal(sent.provider, 'log');
    const lines = readFileSync(join(t.dataDir, 'outbox', 'sms.log'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { to: string; body: string });
    assert.ok(lines.some((l) => l.to === '+972529998877' && l.body === 'שלום מהמספרה'));
  });

  it('validates with field paths and hides other businesses’ messages', async () => {
    const bad = await send({ channel: 'fax', kind: 'transactional', body: 'x' });
    assert.ok(fieldsOf(expectProblem(bad, 400)).includes('channel'));
    const mine = await send({ channel: 'email', kind: 'transactional', to: 'mine@example.co.il', subject: 's', body: 'b' });
    const other = await newBusiness(t.http);
    expectProblem(await t.http.get(`/api/notifications/history/${mine.body.id}`).set(other.auth), 404);
    expectProblem(await t.http.post(`/api/notifications/history/${mine.body.id}/retry`).set(other.auth).send({}), 404);
  });
});
