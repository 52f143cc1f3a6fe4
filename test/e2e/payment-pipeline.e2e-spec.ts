import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from 'pg';
import { outboxMailsTo, waitForOutboxMail } from '../support/eml';
import { newBusiness, type TestBusiness } from '../support/factories';
import { type HttpFake, type RecordedRequest, startHttpFake } from '../support/http-fake';
import { startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';
import { waitForMessage } from '../support/messages';

const APPROVE = '4580000000000000';
const DECLINE = '4000000000000002';
const ISSUER = { legalName: 'סטודיו דנה בע"מ', taxId: '515555555', address: 'רחוב הרצל 1, תל אביב', phone: '03-5551234' };

/**
 * The payment → invoice → email pipeline over HTTP on the sandbox gateway.
 * PUBLIC_URL is a relay standing in for the internet between the gateway and
 * us: it hands each webhook call to the app as it came (or holds it back, to
 * play lost, repeated or forged notifications).
 */
describe('payments: sandbox notification → paid → document → email', () => {
  let t: TestApp;
  let relay: HttpFake;
  let db: Client;
  let owner: TestBusiness;
  let other: TestBusiness;
  let customerId: string;
  let hold = false;
  const held: RecordedRequest[] = [];
  const outbox = () => join(t.dataDir, 'outbox');

  const deliver = (r: RecordedRequest) => t.http.post(r.path).set('content-type', String(r.headers['content-type'])).send(r.body);

  before(async () => {
    relay = await startHttpFake((req, res) => {
      if (hold) {
        held.push(req);
        res.writeHead(200).end();
        return;
      }
      void deliver(req).then(
        (answer) => res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.text),
        () => res.writeHead(502).end(),
      );
    });
    t = await startTestApp({ PUBLIC_URL: relay.url, PAYMENT_SWEEP_INTERVAL_MS: '300' });
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    owner = await newBusiness(t.http);
    other = await newBusiness(t.http);
    await t.http.patch('/api/invoices/settings').set(owner.auth).send(ISSUER).expect(200);
    customerId = (
      await t.http
        .post('/api/customers')
        .set(owner.auth)
        .send({ firstName: 'דנה', lastName: 'כהן', email: 'dana@example.co.il', phone: '+972521234567', language: 'he' })
        .expect(201)
    ).body.id;
  });
  after(async () => {
    await db?.end();
    try {
      await t?.close();
    } finally {
      await relay?.close();
    }
  });

  const newPayment = async (amount = 12_345, extra: Record<string, unknown> = {}) => {
    const res = await t.http
      .post('/api/payments')
      .set(owner.auth)
      .set('Idempotency-Key', randomUUID())
      .send({
        customerId,
        amount,
        description: 'שיעור יוגה',
        successUrl: 'https://shop.example.co.il/ok',
        failureUrl: 'https://shop.example.co.il/no',
        ...extra,
      })
      .expect(201);
    return { id: res.body.id as string, path: new URL(res.body.pageUrl).pathname };
  };
  const pay = (path: string, card = APPROVE) => t.http.post(path).type('form').send({ cardNumber: card }).expect(303);
  const get = async (id: string) => (await t.http.get(`/api/payments/${id}`).set(owner.auth).expect(200)).body;

  const settled = async (id: string) => {
    try {
      // The receipt's message id is stored a moment before its `receipt_sent` event: wait for both.
      const done = (p: Awaited<ReturnType<typeof get>>) =>
        p.receiptMessageId && p.events.some((e: { type: string }) => e.type === 'receipt_sent' || e.type === 'receipt_not_sent') ? p : null;
      return await until(`payment ${id} to finish its pipeline`, async () => done(await get(id)));
    } catch (err) {
      const jobs = await db
        .query(`SELECT name, failed_reason FROM bullmq_jobs WHERE failed_reason IS NOT NULL LIMIT 3`)
        .catch(() => ({ rows: [] }));
      throw new Error(`${(err as Error).message}: ${JSON.stringify(await get(id))} ${JSON.stringify(jobs.rows)}`);
    }
  };
  const documentsOf = async (id: string) =>
    (await db.query(`SELECT id, type, number, total_agorot FROM invoices WHERE source = $1`, [`payment:${id}`])).rows;

  it('the approving card: paid, one invoice-receipt for the amount, emailed with its PDF, on the timeline and the total spend', async () => {
    const { id, path } = await newPayment();
    const redirect = await pay(path);
    assert.equal(redirect.headers.location, 'https://shop.example.co.il/ok');
    const p = await settled(id);
    assert.equal(p.status, 'paid');
    assert.ok(p.paidAt);
    assert.equal(p.pageUrl, null);
    assert.deepEqual(
      p.events.map((e: { type: string }) => e.type),
      ['created', 'paid', 'document_issued', 'receipt_sent'],
    );
    const invoice = (await t.http.get(`/api/invoices/${p.invoiceId}`).set(owner.auth).expect(200)).body;
    assert.equal(invoice.type, 'tax_invoice_receipt');
    assert.equal(invoice.totalAgorot ?? invoice.total, 12_345);
    assert.equal((await documentsOf(id)).length, 1);
    const mail = await waitForOutboxMail(
      outbox(),
      (m) => (m.header('to') ?? '').includes('dana@example.co.il') && m.attachments.length > 0,
    );
    assert.match(mail.subject, /אישור תשלום/);
    assert.equal(mail.attachments[0].contentType, 'application/pdf');
    assert.equal(mail.attachments[0].content.subarray(0, 5).toString(), '%PDF-');
    const timeline = (await t.http.get(`/api/customers/${customerId}/timeline`).set(owner.auth).expect(200)).body;
    const actions = JSON.stringify(timeline);
    assert.match(actions, /payment\.paid/);
    assert.match(actions, /invoice\.issued/);
    const customer = (await t.http.get(`/api/customers/${customerId}`).set(owner.auth).expect(200)).body;
    assert.ok(customer.totalSpendAgorot >= 12_345);
  });

  it('the declining card: failed, no document, no email', async () => {
    const { id, path } = await newPayment(4_000);
    const mailsBefore = outboxMailsTo(outbox(), 'dana@example.co.il').length;
    const redirect = await pay(path, DECLINE);
    assert.equal(redirect.headers.location, 'https://shop.example.co.il/no');
    const p = await until('failed', async () => ((x) => (x.status === 'failed' ? x : null))(await get(id)));
    assert.equal(p.invoiceId, null);
    assert.equal((await documentsOf(id)).length, 0);
    await new Promise((r) => setTimeout(r, 700));
    assert.equal(outboxMailsTo(outbox(), 'dana@example.co.il').length, mailsBefore);
  });

  it('the same notification delivered 10 times at once: one paid transition, one document, one email', async () => {
    const { id, path } = await newPayment(7_700);
    hold = true;
    await pay(path);
    hold = false;
    const notification = held.pop()!;
    const answers = await Promise.all(Array.from({ length: 10 }, () => deliver(notification)));
    assert.deepEqual(
      answers.map((a) => a.status),
      Array(10).fill(200),
    );
    const p = await settled(id);
    await new Promise((r) => setTimeout(r, 1_000)); // any duplicate step would have run by now
    assert.equal((await get(id)).events.filter((e: { type: string }) => e.type === 'paid').length, 1);
    assert.equal((await documentsOf(id)).length, 1);
    const inbox = (await db.query(`SELECT deliveries, status FROM payment_notifications WHERE payment_id = $1`, [id])).rows;
    assert.deepEqual(inbox, [{ deliveries: 10, status: 'paid' }]);
    const invoice = (await t.http.get(`/api/invoices/${p.invoiceId}`).set(owner.auth).expect(200)).body;
    const mails = outboxMailsTo(outbox(), 'dana@example.co.il').filter((m) =>
      m.attachments.some((a) => a.filename.includes(String(invoice.number))),
    );
    assert.equal(mails.length, 1);
  });

  it('a forged notification (the gateway has no such payment yet) is filed and flagged; nothing is paid or issued', async () => {
    const { id, path } = await newPayment(5_000);
    const token = path.split('/').pop()!;
    const settings = (await t.http.get('/api/business/payment-settings').set(owner.auth).expect(200)).body;
    const webhookPath = new URL(settings.webhookUrl).pathname;
    await t.http
      .post(webhookPath)
      .send({ transactionId: `sbx_${'f'.repeat(24)}`, pageToken: token })
      .expect(200);
    const p = await until('flagged', async () => ((x) => (x.reviewReason ? x : null))(await get(id)));
    assert.equal(p.status, 'pending');
    assert.match(p.reviewReason, /no completed transaction/);
    assert.equal(p.invoiceId, null);
    assert.equal((await documentsOf(id)).length, 0);
  });

  it('the gateway charged another amount, or for another order: flagged with the reason, not paid', async () => {
    for (const [column, value, reason] of [
      ['amount_agorot', 999, /charged 9\.99 but the payment is 60\.00/],
      ['reference', randomUUID(), /order reference/],
    ] as const) {
      const { id, path } = await newPayment(6_000);
      await db.query(`UPDATE sandbox_transactions SET ${column} = $1 WHERE token = $2`, [value, path.split('/').pop()]);
      await pay(path);
      const p = await until('flagged', async () => ((x) => (x.reviewReason ? x : null))(await get(id)));
      assert.equal(p.status, 'pending');
      assert.match(p.reviewReason, reason);
      assert.equal((await documentsOf(id)).length, 0);
    }
  });

  it('a lost notification: the sweeper asks the gateway and the payment is paid and issued all the same', async () => {
    const { id, path } = await newPayment(3_300);
    hold = true;
    await pay(path);
    hold = false;
    held.pop();
    const p = await settled(id);
    assert.equal(p.status, 'paid');
    assert.ok(p.events.some((e: { type: string; detail: { by?: string } }) => e.type === 'paid' && e.detail.by === 'poll'));
    assert.equal((await documentsOf(id)).length, 1);
  });

  it('a pending payment past its time expires; a payment made on its page afterwards is flagged', async () => {
    const { id, path } = await newPayment(2_200);
    await db.query(`UPDATE payments SET expires_at = now() - interval '1 minute', next_check_at = now() WHERE id = $1`, [id]);
    await until('expired', async () => (await get(id)).status === 'expired');
    await pay(path);
    const p = await until('flagged', async () => ((x) => (x.reviewReason ? x : null))(await get(id)));
    assert.equal(p.status, 'expired');
    assert.match(p.reviewReason, /after the payment was expired/);
  });

  it('refunds: partial then the rest through the gateway once each, a credit note each; more than is left → 422; then 409', async () => {
    const { id, path } = await newPayment(10_000);
    await pay(path);
    await settled(id);
    const key = randomUUID();
    const partial = await t.http.post(`/api/payments/${id}/refund`).set(owner.auth).set('Idempotency-Key', key).send({ amount: 2_500 });
    assert.equal(partial.status, 200, JSON.stringify(partial.body));
    assert.equal(partial.body.status, 'partially_refunded');
    assert.equal(partial.body.refundedAmount, 2_500);
    const replay = await t.http
      .post(`/api/payments/${id}/refund`)
      .set(owner.auth)
      .set('Idempotency-Key', key)
      .send({ amount: 2_500 })
      .expect(200);
    assert.equal(replay.headers['idempotent-replayed'], 'true');
    const tooMuch = await t.http.post(`/api/payments/${id}/refund`).set(owner.auth).send({ amount: 7_501 }).expect(422);
    assert.equal(tooMuch.body.code, 'payment.refund_exceeds');
    const rest = await t.http.post(`/api/payments/${id}/refund`).set(owner.auth).send({}).expect(200);
    assert.equal(rest.body.status, 'refunded');
    assert.equal(rest.body.refundedAmount, 10_000);
    const ledger = (await db.query(`SELECT refunded_agorot FROM sandbox_transactions WHERE token = $1`, [path.split('/').pop()])).rows[0];
    assert.equal(ledger.refunded_agorot, 10_000, 'the gateway refunded 25.00 + 75.00, once each');
    const p = await until('credit notes', async () =>
      ((x) => (x.refunds.length === 2 && x.refunds.every((r: { creditNoteId: string | null }) => r.creditNoteId) ? x : null))(
        await get(id),
      ),
    );
    const notes = await Promise.all(
      p.refunds.map(
        async (r: { creditNoteId: string }) => (await t.http.get(`/api/invoices/${r.creditNoteId}`).set(owner.auth).expect(200)).body,
      ),
    );
    assert.deepEqual(
      notes.map((n) => [n.type, n.totalAgorot ?? n.total]),
      [
        ['credit_note', 2_500],
        ['credit_note', 7_500],
      ],
    );
    const again = await t.http.post(`/api/payments/${id}/refund`).set(owner.auth).send({ amount: 1 }).expect(409);
    assert.equal(again.body.code, 'payment.not_refundable');
  });

  it("another business's payment is 404; an unknown webhook token is 404 and a notification under another business's token changes nothing", async () => {
    const { id, path } = await newPayment(1_100);
    await t.http.get(`/api/payments/${id}`).set(other.auth).expect(404);
    await t.http.post(`/api/payments/${id}/refund`).set(other.auth).send({}).expect(404);
    await t.http.post(`/api/payments/${id}/cancel`).set(other.auth).expect(404);
    await t.http.post(`/api/payments/${id}/send`).set(other.auth).send({ channel: 'email' }).expect(404);
    const body = { transactionId: `sbx_${'a'.repeat(24)}`, pageToken: path.split('/').pop() };
    await t.http
      .post(`/api/webhooks/payments/sandbox/${'x'.repeat(43)}`)
      .send(body)
      .expect(404);
    const otherHook = new URL((await t.http.get('/api/business/payment-settings').set(other.auth).expect(200)).body.webhookUrl).pathname;
    const unreadable = await t.http.post(otherHook).send({ hello: 'world' }).expect(400);
    assert.equal(unreadable.body.code, 'payment.notification_unreadable');
    await t.http.post(otherHook).send(body).expect(200);
    await until(
      'the other business notification settled',
      async () =>
        (await db.query(`SELECT 1 FROM payment_notifications WHERE key = $1 AND status = 'ignored'`, [body.transactionId])).rowCount,
    );
    const p = await get(id);
    assert.equal(p.status, 'pending');
    assert.equal(p.reviewReason, null);
  });

  it('sends the page link by email; cancels a pending payment (then 409)', async () => {
    const { id, path } = await newPayment(8_800);
    const sent = await t.http.post(`/api/payments/${id}/send`).set(owner.auth).send({ channel: 'email' }).expect(202);
    assert.equal(sent.body.to, 'dana@example.co.il');
    const mail = await waitForOutboxMail(outbox(), (m) => m.subject.includes('בקשת תשלום') && m.text.includes(path));
    assert.match(mail.html, /dir="rtl"/);
    assert.equal((await t.http.post(`/api/payments/${id}/cancel`).set(owner.auth).expect(200)).body.status, 'cancelled');
    assert.equal((await t.http.post(`/api/payments/${id}/cancel`).set(owner.auth).expect(409)).body.code, 'payment.not_pending');
  });

  it('a business that cannot issue documents yet: paid and flagged with the reason; once its settings are fixed the sweeper issues and emails it', async () => {
    const third = await newBusiness(t.http);
    const customer = (
      await t.http.post('/api/customers').set(third.auth).send({ firstName: 'Noa', email: 'noa@example.com', language: 'en' }).expect(201)
    ).body.id;
    const created = await t.http
      .post('/api/payments')
      .set(third.auth)
      .send({ customerId: customer, amount: 4_500, description: 'Class' })
      .expect(201);
    await pay(new URL(created.body.pageUrl).pathname);
    const id = created.body.id as string;
    const flagged = await until('blocked', async () =>
      ((x) => (x.reviewReason ? x : null))((await t.http.get(`/api/payments/${id}`).set(third.auth)).body),
    );
    assert.equal(flagged.status, 'paid');
    assert.match(flagged.reviewReason, /no document could be issued: .*taxId/);
    await t.http.patch('/api/invoices/settings').set(third.auth).send(ISSUER).expect(200);
    const done = await until(
      'issued',
      async () => ((x) => (x.receiptMessageId ? x : null))((await t.http.get(`/api/payments/${id}`).set(third.auth)).body),
      45_000,
    );
    assert.equal(done.reviewReason, null);
    assert.equal((await documentsOf(id)).length, 1);
    const message = await waitForMessage(t.http, third.auth, done.receiptMessageId, (m) => m.status === 'sent');
    assert.equal(message.to, 'noa@example.com');
  });

  it('pays for an event registration: marked paid with the payment; a registration of another customer, both purposes, or one paid already are refused', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const event = (
      await t.http
        .post('/api/events')
        .set(owner.auth)
        .send({
          title: 'ערב יוגה',
          startsAt: `${year}-07-01T19:00`,
          endsAt: `${year}-07-01T21:00`,
          status: 'published',
          priceAgorot: 5_000,
        })
        .expect(201)
    ).body;
    const registration = (await t.http.post(`/api/events/${event.id}/registrations`).set(owner.auth).send({ customerId }).expect(201)).body;
    const { id, path } = await newPayment(5_000, { registrationId: registration.id });
    await pay(path);
    const p = await settled(id);
    assert.equal(p.registrationId, registration.id);
    const list = (await t.http.get(`/api/events/${event.id}/registrations`).set(owner.auth).expect(200)).body.data;
    const paid = list.find((r: { id: string }) => r.id === registration.id);
    assert.equal(paid.paymentId, id);
    assert.ok(paid.paidAt);
    const again = await t.http
      .post('/api/payments')
      .set(owner.auth)
      .send({ customerId, amount: 5_000, description: 'שוב', registrationId: registration.id });
    assert.equal(again.status, 422);
    assert.equal(again.body.code, 'payment.already_paid');
    const stranger = (await t.http.post('/api/customers').set(owner.auth).send({ firstName: 'זר', phone: '+972521111111' }).expect(201))
      .body.id;
    const theirs = (await t.http.post(`/api/events/${event.id}/registrations`).set(owner.auth).send({ customerId: stranger }).expect(201))
      .body;
    const wrong = await t.http
      .post('/api/payments')
      .set(owner.auth)
      .send({ customerId, amount: 5_000, description: 'x', registrationId: theirs.id });
    assert.equal(wrong.body.code, 'payment.other_customer');
    const both = await t.http
      .post('/api/payments')
      .set(owner.auth)
      .send({ customerId, amount: 5_000, description: 'x', registrationId: theirs.id, appointmentId: randomUUID() });
    assert.equal(both.status, 400);
    await t.http
      .post('/api/payments')
      .set(other.auth)
      .send({ customerId, amount: 5_000, description: 'x', registrationId: registration.id })
      .expect(404);
  });

  it('installments: at most what the business allows (maxInstallments in its payment settings)', async () => {
    const body = { customerId, amount: 36_000, description: 'מנוי שנתי', installments: 4 };
    const refused = await t.http.post('/api/payments').set(owner.auth).send(body).expect(422);
    assert.equal(refused.body.code, 'payment.too_many_installments');
    const settings = await t.http
      .put('/api/business/payment-settings')
      .set(owner.auth)
      .send({ provider: 'sandbox', maxInstallments: 6 })
      .expect(200);
    assert.equal(settings.body.maxInstallments, 6);
    assert.equal((await t.http.post('/api/payments').set(owner.auth).send(body).expect(201)).body.installments, 4);
    await t.http.put('/api/business/payment-settings').set(owner.auth).send({ provider: 'sandbox', maxInstallments: 37 }).expect(400);
  });

  it("the payer's return page (no success URL of the business's own): the verified status in Hebrew, right to left", async () => {
    const created = await t.http
      .post('/api/payments')
      .set(owner.auth)
      .send({ customerId, amount: 1_990, description: 'שיעור ניסיון' })
      .expect(201);
    const redirect = await pay(new URL(created.body.pageUrl).pathname);
    const landing = new URL(redirect.headers.location);
    assert.equal(landing.origin + landing.pathname, `${relay.url}/payments/return`);
    assert.equal(landing.searchParams.get('payment'), created.body.id);
    await settled(created.body.id);
    const page = await t.http.get(landing.pathname + landing.search).expect(200);
    assert.match(page.headers['content-type'], /^text\/html; charset=utf-8/);
    assert.match(page.text, /<html lang="he" dir="rtl">/);
    assert.match(page.text, /התשלום התקבל/);
    assert.match(page.text, /שיעור ניסיון/);
    await t.http.get(`/payments/return?payment=${randomUUID()}`).expect(404);
    await t.http.get('/payments/return?payment=nope').expect(400);
  });

  it('asks a payment of someone who is not a customer yet: matched by phone or email, or created', async () => {
    const payer = { firstName: 'יעל', lastName: 'אברהם', phone: '050-765-4321', email: 'yael@example.co.il' };
    const first = await t.http
      .post('/api/payments')
      .set(owner.auth)
      .send({ customer: payer, amount: 2_000, description: 'שיעור' })
      .expect(201);
    const again = await t.http
      .post('/api/payments')
      .set(owner.auth)
      .send({ customer: { firstName: 'Yael', phone: '+972507654321' }, amount: 2_000, description: 'שיעור' })
      .expect(201);
    assert.equal(again.body.customerId, first.body.customerId);
    const created = (await t.http.get(`/api/customers/${first.body.customerId}`).set(owner.auth).expect(200)).body;
    assert.equal(created.phone, '+972507654321');
    const neither = await t.http.post('/api/payments').set(owner.auth).send({ amount: 2_000, description: 'שיעור' }).expect(400);
    assert.ok(JSON.stringify(neither.body).includes('customerId'));
  });

  it('a refund the gateway refuses: 422 with its reason, recorded failed, and what it asked for is free to refund again', async () => {
    const { id, path } = await newPayment(6_000);
    await pay(path);
    await settled(id);
    const token = path.split('/').pop();
    await db.query(`UPDATE sandbox_transactions SET status = 'declined' WHERE token = $1`, [token]);
    const refused = await t.http.post(`/api/payments/${id}/refund`).set(owner.auth).send({ amount: 6_000 }).expect(422);
    assert.equal(refused.body.code, 'payment.refund_refused');
    const p = await get(id);
    assert.equal(p.status, 'paid');
    assert.equal(p.refundedAmount, 0);
    assert.deepEqual(
      p.refunds.map((r: { amount: number; status: string; creditNoteId: string | null }) => [r.amount, r.status, r.creditNoteId]),
      [[6_000, 'failed', null]],
    );
    assert.ok(p.events.some((e: { type: string }) => e.type === 'refund_failed'));
    await db.query(`UPDATE sandbox_transactions SET status = 'approved' WHERE token = $1`, [token]);
    assert.equal((await t.http.post(`/api/payments/${id}/refund`).set(owner.auth).send({}).expect(200)).body.status, 'refunded');
  });
});
