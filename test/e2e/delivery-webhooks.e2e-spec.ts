// Delivery webhooks over HTTP, with Twilio and SendGrid faked at the wire:
// messages go out through the real drivers carrying their reference (Twilio's
// StatusCallback, SendGrid's custom_args); signed reports move them forward
// once; forged, unsigned, wrong-URL and stale requests change nothing; an SMS
// reply "הסר" and a spam report withdraw marketing consent. Signatures are
// made the way the providers make them: Twilio's with the `twilio` package's
// own reference implementation, SendGrid's with a P-256 key pair of the test.
import assert from 'node:assert/strict';
import { createSign, generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import twilio from 'twilio';
import { expectProblem, newBusiness, type TestBusiness } from '../support/factories';
import { waitForMessage, type MessageView } from '../support/messages';
import { startSendGridFake, type SendGridFake } from '../support/sendgrid-fake';
import { startTestApp, type TestApp } from '../support/test-app';
import { startTwilioFake, type TwilioFake } from '../support/twilio-fake';

const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const AUTH_TOKEN = 'f00dcafe0123456789abcdef01234567';
const SENDGRID_KEY = 'SG.test-key';
const PUBLIC_URL = 'https://app.chatgrow.example.co.il';
/** The shared sender (TWILIO_FROM): replies to it reach every business that has the phone. */
const SHARED_NUMBER = '+972533000111';

type Form = Record<string, string>;

/** Twilio's signature of a request, by the `twilio` package (the reference implementation). */
const twilioSign = (url: string, form: Form, token = AUTH_TOKEN) => twilio.getExpectedTwilioSignature(token, url, form);

/** SendGrid's signature: ECDSA P-256 / SHA-256 over the timestamp and the body, base64 DER. */
function sendgridSign(key: KeyObject, timestamp: string, body: string): string {
  return createSign('sha256')
    .update(timestamp + body)
    .sign(key)
    .toString('base64');
}

const nowSeconds = () => String(Math.floor(Date.now() / 1000));
const eventId = () => randomBytes(12).toString('base64url');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('delivery webhooks', () => {
  let t: TestApp;
  let sms: TwilioFake;
  let mail: SendGridFake;
  let owner: TestBusiness;
  const keys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const otherKeys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

  before(async () => {
    sms = await startTwilioFake({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    mail = await startSendGridFake({ apiKey: SENDGRID_KEY });
    t = await startTestApp({
      PUBLIC_URL,
      SMS_DRIVER: 'twilio',
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_FROM: SHARED_NUMBER,
      TWILIO_API_URL: sms.url,
      MESSAGE_RETRY_DELAY_MS: '50',
      EMAIL_DRIVER: 'sendgrid',
      SENDGRID_API_KEY: SENDGRID_KEY,
      SENDGRID_API_URL: mail.url,
      // As SendGrid shows it: base64 of the DER SubjectPublicKeyInfo.
      SENDGRID_WEBHOOK_PUBLIC_KEY: keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    });
    owner = await newBusiness(t.http);
  });
  after(async () => {
    await t?.close();
    await sms?.close();
    await mail?.close();
  });

  // --- helpers over the API ----------------------------------------------------

  const message = async (id: string, as = owner): Promise<MessageView & { deliveredAt: string | null; failedAt: string | null }> =>
    (await t.http.get(`/api/notifications/history/${id}`).set(as.auth)).body;

  /** Activity entries of one action about one record (domain-event listeners run after the answer: poll a little). */
  async function activity(as: TestBusiness, action: string, entityId: string, atLeast = 1): Promise<number> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const res = await t.http.get('/api/activity').set(as.auth).query({ action, entityId, limit: 100 });
      if (res.body.meta.total >= atLeast || Date.now() > deadline) {
        // And a moment more, so a second (wrong) entry would have shown too.
        await sleep(200);
        return (await t.http.get('/api/activity').set(as.auth).query({ action, entityId, limit: 100 })).body.meta.total;
      }
      await sleep(50);
    }
  }

  async function sendSms(body: Record<string, unknown>, as = owner): Promise<MessageView> {
    const res = await t.http
      .post('/api/notifications/send')
      .set(as.auth)
      .send({ channel: 'sms', ...body });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    return waitForMessage(t.http, as.auth, res.body.id, (m) => m.status === 'sent');
  }

  async function sendMail(body: Record<string, unknown>, as = owner): Promise<MessageView> {
    const res = await t.http
      .post('/api/notifications/send')
      .set(as.auth)
      .send({ channel: 'email', subject: 'שלום', body: 'תודה שבחרת בנו', ...body });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    return waitForMessage(t.http, as.auth, res.body.id, (m) => m.status === 'sent');
  }

  /** The StatusCallback the Twilio driver sent the message with. */
  function statusCallbackOf(m: MessageView): string {
    const sent = sms.sent.find((s) => s.sid === m.providerMessageId);
    assert.ok(sent, `Twilio did not get ${m.id}`);
    return sent.form.StatusCallback;
  }

  /** Posts a form to a URL of PUBLIC_URL, as Twilio would (signature given, or none). */
  const postForm = (url: string, form: Form, signature?: string) => {
    assert.ok(url.startsWith(PUBLIC_URL));
    const req = t.http.post(url.slice(PUBLIC_URL.length)).type('form').send(new URLSearchParams(form).toString());
    return signature === undefined ? req : req.set('X-Twilio-Signature', signature);
  };

  const statusForm = (m: MessageView, status: string, extra: Form = {}): Form => ({
    AccountSid: ACCOUNT_SID,
    ApiVersion: '2010-04-01',
    From: SHARED_NUMBER,
    MessageSid: m.providerMessageId!,
    MessageStatus: status,
    SmsSid: m.providerMessageId!,
    SmsStatus: status,
    To: '+972501112233',
    ...extra,
  });

  const INBOUND_URL = `${PUBLIC_URL}/api/webhooks/twilio/inbound`;
  const inboundForm = (from: string, body: string, to = SHARED_NUMBER): Form => ({
    AccountSid: ACCOUNT_SID,
    ApiVersion: '2010-04-01',
    Body: body,
    From: from,
    MessageSid: `SM${randomBytes(16).toString('hex')}`,
    NumMedia: '0',
    NumSegments: '1',
    SmsMessageSid: `SM${randomBytes(16).toString('hex')}`,
    To: to,
  });
  const reply = async (from: string, body: string, to?: string) => {
    const form = inboundForm(from, body, to);
    return postForm(INBOUND_URL, form, twilioSign(INBOUND_URL, form));
  };

  const EVENTS_PATH = '/api/webhooks/sendgrid/events';
  /** Posts a SendGrid batch signed with `key` at `timestamp` (both overridable to forge). */
  function postEvents(events: unknown, opts: { key?: KeyObject; timestamp?: string; signature?: string | null; body?: string } = {}) {
    const body = opts.body ?? JSON.stringify(events);
    const timestamp = opts.timestamp ?? nowSeconds();
    const signature =
      opts.signature === undefined ? sendgridSign(opts.key ?? keys.privateKey, timestamp, JSON.stringify(events)) : opts.signature;
    const req = t.http.post(EVENTS_PATH).set('Content-Type', 'application/json').set('X-Twilio-Email-Event-Webhook-Timestamp', timestamp);
    return (signature === null ? req : req.set('X-Twilio-Email-Event-Webhook-Signature', signature)).send(body);
  }
  const sgEvent = (m: MessageView, as: TestBusiness, event: string, extra: Record<string, unknown> = {}) => ({
    email: (m as unknown as { to: string }).to,
    timestamp: Math.floor(Date.now() / 1000),
    event,
    sg_event_id: eventId(),
    sg_message_id: `${m.providerMessageId}.filter0001.16648.5515E0B88.0`,
    'smtp-id': `<${m.providerMessageId}@ismtpd0001p1lon1.sendgrid.net>`,
    businessId: as.businessId,
    messageId: m.id,
    messageAttempt: '1',
    ...extra,
  });

  // --- Twilio: status callbacks --------------------------------------------------

  it('sends each SMS with a signed StatusCallback naming it; `delivered` marks it delivered once, `sent` changes nothing', async () => {
    const m = await sendSms({ kind: 'transactional', to: '050-1112233', body: 'התור שלך מחר ב-10:00' });
    const callback = statusCallbackOf(m);
    assert.equal(callback, `${PUBLIC_URL}/api/webhooks/twilio/status?b=${owner.businessId}&m=${m.id}&a=1`);

    const sent = statusForm(m, 'sent');
    assert.equal((await postForm(callback, sent, twilioSign(callback, sent))).status, 204);
    assert.equal((await message(m.id)).status, 'sent');

    const delivered = statusForm(m, 'delivered');
    const signature = twilioSign(callback, delivered);
    // The reference implementation accepts what we accept.
    assert.equal(twilio.validateRequest(AUTH_TOKEN, signature, callback, delivered), true);
    const first = await postForm(callback, delivered, signature);
    assert.equal(first.status, 204, JSON.stringify(first.body));
    const after = await message(m.id);
    assert.equal(after.status, 'delivered');
    assert.ok(after.deliveredAt);
    assert.equal(after.providerMessageId, m.providerMessageId);

    // Twilio repeats itself, and reports arrive out of order: nothing moves back, nothing is recorded twice.
    assert.equal((await postForm(callback, delivered, signature)).status, 204);
    assert.equal((await postForm(callback, sent, twilioSign(callback, sent))).status, 204);
    assert.equal((await message(m.id)).status, 'delivered');
    assert.equal(await activity(owner, 'message.delivered', m.id), 1);
  });

  it('marks an undelivered SMS failed with Twilio’s ErrorCode, on the customer timeline; a late `delivered` does not undo it', async () => {
    const customer = await t.http.post('/api/customers').set(owner.auth).send({ firstName: 'מיכל', phone: '052-3334455' });
    const m = await sendSms({ kind: 'transactional', customerId: customer.body.id, body: 'תזכורת' });
    const callback = statusCallbackOf(m);
    const undelivered = statusForm(m, 'undelivered', { ErrorCode: '30003' });
    assert.equal((await postForm(callback, undelivered, twilioSign(callback, undelivered))).status, 204);
    const failed = await message(m.id);
    assert.equal(failed.status, 'failed');
    assert.match(failed.lastError ?? '', /undelivered.*30003/);
    assert.ok(failed.failedAt);

    const delivered = statusForm(m, 'delivered');
    assert.equal((await postForm(callback, delivered, twilioSign(callback, delivered))).status, 204);
    assert.equal((await message(m.id)).status, 'failed');
    assert.equal(await activity(owner, 'message.failed', m.id), 1);
    const timeline = await t.http.get(`/api/customers/${customer.body.id}/timeline`).set(owner.auth);
    assert.ok(timeline.body.data.some((e: { action: string }) => e.action === 'message.failed'));
  });

  it('refuses unsigned, forged, tampered and other-URL callbacks with 401, and changes nothing', async () => {
    const m = await sendSms({ kind: 'transactional', to: '050-2223344', body: 'שלום' });
    const callback = statusCallbackOf(m);
    const delivered = statusForm(m, 'delivered');

    assert.equal(expectProblem(await postForm(callback, delivered), 401).code, 'webhook.signature_missing');
    const refused: { label: string; url: string; form: Form; signature: string }[] = [
      { label: 'another auth token', url: callback, form: delivered, signature: twilioSign(callback, delivered, 'not-the-auth-token') },
      {
        label: 'signed as `sent`, posted as `delivered`',
        url: callback,
        form: delivered,
        signature: twilioSign(callback, statusForm(m, 'sent')),
      },
      {
        label: 'a parameter added after signing',
        url: callback,
        form: { ...delivered, ErrorCode: '0' },
        signature: twilioSign(callback, delivered),
      },
      {
        label: "signed for another message's URL",
        url: callback,
        form: delivered,
        signature: twilioSign(callback.replace(m.id, randomUUID()), delivered),
      },
      {
        label: 'signed for another host',
        url: callback,
        form: delivered,
        signature: twilioSign(callback.replace(PUBLIC_URL, 'https://evil.example.com'), delivered),
      },
      { label: 'garbage', url: callback, form: delivered, signature: 'bm90IGEgc2lnbmF0dXJl' },
    ];
    for (const r of refused) {
      // The reference implementation refuses it too.
      assert.equal(twilio.validateRequest(AUTH_TOKEN, r.signature, r.url, r.form), false, r.label);
      const res = await postForm(r.url, r.form, r.signature);
      assert.equal(expectProblem(res, 401).code, 'webhook.signature_invalid', r.label);
    }
    // A valid signature presented at another message's URL: the signature covers the URL.
    const other = callback.replace(m.id, randomUUID());
    assert.equal(expectProblem(await postForm(other, delivered, twilioSign(callback, delivered)), 401).code, 'webhook.signature_invalid');
    assert.equal((await message(m.id)).status, 'sent');
    assert.equal(await activity(owner, 'message.delivered', m.id, 0), 0);
  });

  it('accepts an HTTPS URL signed with the default port written out, as Twilio’s validators do', async () => {
    const m = await sendSms({ kind: 'transactional', to: '050-4445566', body: 'שלום' });
    const callback = statusCallbackOf(m);
    const delivered = statusForm(m, 'delivered');
    const withPort = callback.replace(PUBLIC_URL, `${PUBLIC_URL}:443`);
    const signature = twilioSign(withPort, delivered);
    assert.equal(twilio.validateRequest(AUTH_TOKEN, signature, callback, delivered), true);
    assert.equal((await postForm(callback, delivered, signature)).status, 204);
    assert.equal((await message(m.id)).status, 'delivered');
  });

  it('ignores a signed report of an earlier attempt of the message', async () => {
    // The first attempt fails at Twilio (503): the job sends the message again, as attempt 2.
    sms.failNext(1, 503);
    const m = await sendSms({ kind: 'transactional', to: '050-5556677', body: 'שלום' });
    assert.equal(m.attempts, 2);
    const current = statusCallbackOf(m);
    assert.match(current, /&a=2$/);
    const earlier = current.replace(/a=2$/, 'a=1');
    const undelivered = statusForm(m, 'undelivered', { ErrorCode: '30008' });
    assert.equal((await postForm(earlier, undelivered, twilioSign(earlier, undelivered))).status, 204);
    assert.equal((await message(m.id)).status, 'sent');
    const delivered = statusForm(m, 'delivered');
    assert.equal((await postForm(current, delivered, twilioSign(current, delivered))).status, 204);
    assert.equal((await message(m.id)).status, 'delivered');
  });

  // --- Twilio: replies ---------------------------------------------------------------

  it('answers an SMS reply "הסר" with empty TwiML and unsubscribes the phone everywhere it is on a list; marketing SMS is then 422', async () => {
    const phone = '+972541234567';
    const customer = await t.http
      .post('/api/customers')
      .set(owner.auth)
      .send({ firstName: 'יעל', phone, marketingConsent: { sms: { granted: true } } });
    const subscriber = await t.http.post('/api/subscribers').set(owner.auth).send({ phone, name: 'יעל' });
    assert.equal(subscriber.body.smsStatus, 'subscribed');
    const other = await newBusiness(t.http, { businessName: 'מספרת רון' });
    const elsewhere = await t.http
      .post('/api/customers')
      .set(other.auth)
      .send({ firstName: 'יעל', phone, marketingConsent: { sms: { granted: true } } });
    const marketing = { channel: 'sms', kind: 'marketing', customerId: customer.body.id, body: 'מבצע: 20% הנחה' };
    assert.equal((await t.http.post('/api/notifications/send').set(owner.auth).send(marketing)).status, 202);

    // Anything but a keyword changes nothing.
    const chat = await reply(phone, 'תודה, נתראה מחר');
    assert.equal(chat.status, 200);
    assert.equal((await t.http.get(`/api/customers/${customer.body.id}`).set(owner.auth)).body.marketingConsent.sms.granted, true);

    const res = await reply(phone, '  הסר ');
    assert.equal(res.status, 200, res.text);
    assert.match(res.headers['content-type'], /^text\/xml/);
    assert.match(res.text, /<Response\/>$/);

    assert.equal((await t.http.get(`/api/customers/${customer.body.id}`).set(owner.auth)).body.marketingConsent.sms.granted, false);
    const sub = (await t.http.get(`/api/subscribers/${subscriber.body.id}`).set(owner.auth)).body;
    assert.equal(sub.smsStatus, 'unsubscribed');
    assert.ok(sub.smsUnsubscribedAt);
    // Sent from the shared number, the reply reaches the other business that has the phone too.
    assert.equal((await t.http.get(`/api/customers/${elsewhere.body.id}`).set(other.auth)).body.marketingConsent.sms.granted, false);

    const refused = await t.http.post('/api/notifications/send').set(owner.auth).send(marketing);
    assert.equal(expectProblem(refused, 422).code, 'message.no_consent');

    // Again: nothing more happens, nothing is recorded twice.
    assert.equal((await reply(phone, 'STOP')).status, 200);
    assert.equal(await activity(owner, 'subscriber.unsubscribed', subscriber.body.id), 1);
  });

  it('applies a reply to a business’s own sender number in that business only; refuses an unsigned reply', async () => {
    const ownNumber = '+972533999888';
    const settings = (await t.http.get('/api/notifications/settings').set(owner.auth)).body;
    const put = await t.http
      .put('/api/notifications/settings')
      .set(owner.auth)
      .send({ ...settings, smsSender: ownNumber });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const other = await newBusiness(t.http);
    const phone = '+972547654321';
    const mine = await t.http
      .post('/api/customers')
      .set(owner.auth)
      .send({ firstName: 'רון', phone, marketingConsent: { sms: { granted: true } } });
    const theirs = await t.http
      .post('/api/customers')
      .set(other.auth)
      .send({ firstName: 'רון', phone, marketingConsent: { sms: { granted: true } } });

    const form = inboundForm(phone, 'stop', ownNumber);
    assert.equal(expectProblem(await postForm(INBOUND_URL, form), 401).code, 'webhook.signature_missing');
    assert.equal((await t.http.get(`/api/customers/${mine.body.id}`).set(owner.auth)).body.marketingConsent.sms.granted, true);

    assert.equal((await postForm(INBOUND_URL, form, twilioSign(INBOUND_URL, form))).status, 200);
    assert.equal((await t.http.get(`/api/customers/${mine.body.id}`).set(owner.auth)).body.marketingConsent.sms.granted, false);
    assert.equal((await t.http.get(`/api/customers/${theirs.body.id}`).set(other.auth)).body.marketingConsent.sms.granted, true);
    await t.http
      .put('/api/notifications/settings')
      .set(owner.auth)
      .send({ ...settings, smsSender: null });
  });

  it('takes only forms on the Twilio routes (415 for JSON)', async () => {
    const res = await t.http.post('/api/webhooks/twilio/inbound').send({ Body: 'STOP' });
    assert.equal(expectProblem(res, 415).code, 'unsupported_media_type');
  });

  // --- SendGrid ---------------------------------------------------------------------

  it('sends each mail with custom_args naming it; a signed `delivered` marks it delivered, once however often it comes', async () => {
    const m = await sendMail({ kind: 'transactional', to: 'noa@example.co.il' });
    const accepted = mail.sent.find((s) => s.messageId === m.providerMessageId);
    assert.deepEqual(accepted?.body.custom_args, { businessId: owner.businessId, messageId: m.id, messageAttempt: '1' });

    const batch = [sgEvent(m, owner, 'processed'), sgEvent(m, owner, 'delivered', { response: '250 OK' }), sgEvent(m, owner, 'open')];
    const first = await postEvents(batch);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.deepEqual(first.body, { events: 3, applied: 1, unchanged: 0, duplicate: 0, ignored: 2 });
    const after = await message(m.id);
    assert.equal(after.status, 'delivered');
    assert.ok(after.deliveredAt);

    // SendGrid posts the batch again (it retries until a 2xx): applied once.
    const again = await postEvents(batch);
    assert.equal(again.status, 200);
    assert.deepEqual(again.body, { events: 3, applied: 0, unchanged: 0, duplicate: 1, ignored: 2 });
    assert.equal(await activity(owner, 'message.delivered', m.id), 1);
  });

  it('marks a bounce bounced (and a hard bounce the subscriber’s email); a later `delivered` does not flip it back', async () => {
    const email = 'gone@example.co.il';
    const subscriber = await t.http.post('/api/subscribers').set(owner.auth).send({ email });
    const m = await sendMail({ kind: 'transactional', subscriberId: subscriber.body.id });
    const bounce = sgEvent(m, owner, 'bounce', { type: 'bounce', status: '5.1.1', reason: '550 5.1.1 The email account does not exist' });
    assert.equal((await postEvents([bounce])).body.applied, 1);
    const bounced = await message(m.id);
    assert.equal(bounced.status, 'bounced');
    assert.match(bounced.lastError ?? '', /5\.1\.1/);
    assert.equal((await t.http.get(`/api/subscribers/${subscriber.body.id}`).set(owner.auth)).body.emailStatus, 'bounced');

    const late = await postEvents([sgEvent(m, owner, 'delivered')]);
    assert.deepEqual(late.body, { events: 1, applied: 0, unchanged: 1, duplicate: 0, ignored: 0 });
    assert.equal((await message(m.id)).status, 'bounced');
    assert.equal(await activity(owner, 'message.bounced', m.id), 1);
  });

  it('marks a message dropped for a suppressed address `suppressed`, and one dropped otherwise `failed`', async () => {
    const a = await sendMail({ kind: 'transactional', to: 'suppressed@example.co.il' });
    const b = await sendMail({ kind: 'transactional', to: 'spam-content@example.co.il' });
    await postEvents([
      sgEvent(a, owner, 'dropped', { reason: 'Bounced Address' }),
      sgEvent(b, owner, 'dropped', { reason: 'Invalid SMTPAPI header' }),
    ]);
    assert.equal((await message(a.id)).status, 'suppressed');
    const failed = await message(b.id);
    assert.equal(failed.status, 'failed');
    assert.match(failed.lastError ?? '', /Invalid SMTPAPI header/);
  });

  it('withdraws email consent on a spam report: the customer’s and the subscriber’s; marketing mail is then 422', async () => {
    const email = 'complains@example.co.il';
    const customer = await t.http
      .post('/api/customers')
      .set(owner.auth)
      .send({ firstName: 'אורי', email, marketingConsent: { email: { granted: true } } });
    const subscriber = await t.http.post('/api/subscribers').set(owner.auth).send({ email });
    const m = await sendMail({ kind: 'marketing', customerId: customer.body.id });
    const report = sgEvent(m, owner, 'spamreport');
    assert.equal((await postEvents([report])).body.applied, 1);
    assert.equal((await t.http.get(`/api/customers/${customer.body.id}`).set(owner.auth)).body.marketingConsent.email.granted, false);
    assert.equal((await t.http.get(`/api/subscribers/${subscriber.body.id}`).set(owner.auth)).body.emailStatus, 'unsubscribed');
    const refused = await t.http
      .post('/api/notifications/send')
      .set(owner.auth)
      .send({ channel: 'email', kind: 'marketing', customerId: customer.body.id, subject: 'מבצע', body: 'שוב' });
    assert.equal(expectProblem(refused, 422).code, 'message.no_consent');

    // The person subscribes again; SendGrid then redelivers the old report: it is not applied a second time.
    const again = await t.http.patch(`/api/subscribers/${subscriber.body.id}`).set(owner.auth).send({ emailStatus: 'subscribed' });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal((await postEvents([report])).body.duplicate, 1);
    assert.equal((await t.http.get(`/api/subscribers/${subscriber.body.id}`).set(owner.auth)).body.emailStatus, 'subscribed');
  });

  it('refuses unsigned, forged, altered and stale batches (401 / 403), changing nothing', async () => {
    const m = await sendMail({ kind: 'transactional', to: 'careful@example.co.il' });
    const batch = [sgEvent(m, owner, 'delivered')];
    const body = JSON.stringify(batch);

    assert.equal(expectProblem(await postEvents(batch, { signature: null }), 401).code, 'webhook.signature_missing');
    const noTimestamp = await t.http
      .post(EVENTS_PATH)
      .set('Content-Type', 'application/json')
      .set('X-Twilio-Email-Event-Webhook-Signature', sendgridSign(keys.privateKey, '', body))
      .send(body);
    assert.equal(expectProblem(noTimestamp, 401).code, 'webhook.signature_missing');
    assert.equal(expectProblem(await postEvents(batch, { key: otherKeys.privateKey }), 401).code, 'webhook.signature_invalid');
    const altered = body.replace('"delivered"', '"delivered" ');
    assert.equal(expectProblem(await postEvents(batch, { body: altered }), 401).code, 'webhook.signature_invalid');
    const signedAt = nowSeconds();
    const shifted = await postEvents(batch, {
      timestamp: String(Number(signedAt) - 1),
      signature: sendgridSign(keys.privateKey, signedAt, body),
    });
    assert.equal(expectProblem(shifted, 401).code, 'webhook.signature_invalid');
    assert.equal(expectProblem(await postEvents(batch, { signature: 'bm90IGEgc2lnbmF0dXJl' }), 401).code, 'webhook.signature_invalid');
    const hourAgo = String(Math.floor(Date.now() / 1000) - 3600);
    assert.equal(expectProblem(await postEvents(batch, { timestamp: hourAgo }), 403).code, 'webhook.stale');

    assert.equal((await message(m.id)).status, 'sent');
    assert.equal(await activity(owner, 'message.delivered', m.id, 0), 0);
  });

  it('refuses a signed body that is not an array of events (400)', async () => {
    assert.equal(expectProblem(await postEvents({ event: 'delivered' }), 400).code, 'webhook.body_invalid');
  });

  it('takes odd but signed input without a 5xx: malformed events are ignored, odd callback URLs change nothing', async () => {
    const m = await sendMail({ kind: 'transactional', to: 'odd@example.co.il' });
    const odd = [
      null,
      7,
      'delivered',
      [],
      {},
      { event: null },
      { event: 'delivered', email: 5, timestamp: 'yesterday', businessId: 'x', messageId: m.id },
      { event: 'delivered', businessId: owner.businessId, messageId: 'not-a-uuid', sg_event_id: { id: 1 } },
      {
        event: 'delivered',
        businessId: owner.businessId,
        messageId: m.id,
        messageAttempt: '0x1',
        timestamp: -1,
        sg_event_id: 'x'.repeat(5000),
      },
      { event: 'unsubscribe', email: 'not an address' },
      { event: 'spamreport', email: "' OR 1=1 --@example.co.il" },
      { event: 'bounce', businessId: owner.businessId, messageId: randomUUID(), email: 'odd@example.co.il' },
    ];
    const res = await postEvents(odd);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    // Refusals of addresses no business has find nothing to change; everything else is not about anything we sent.
    assert.deepEqual(res.body, { events: odd.length, applied: 0, unchanged: 2, duplicate: 0, ignored: odd.length - 2 });
    assert.equal((await message(m.id)).status, 'sent');

    const s = await sendSms({ kind: 'transactional', to: '050-6667788', body: 'שלום' });
    const callback = statusCallbackOf(s);
    for (const url of [
      callback.replace(/b=[^&]+/, 'b=not-a-uuid'),
      callback.replace(/m=[^&]+/, `m=${s.id}&m=${randomUUID()}`),
      callback.replace(/a=1$/, 'a=-1'),
      callback.split('?')[0],
    ]) {
      const form = statusForm(s, 'delivered');
      assert.equal((await postForm(url, form, twilioSign(url, form))).status, 204, url);
    }
    assert.equal((await message(s.id)).status, 'sent');
  });

  it('keeps other businesses apart: custom_args naming another business find nothing', async () => {
    const m = await sendMail({ kind: 'transactional', to: 'apart@example.co.il' });
    const other = await newBusiness(t.http);
    const res = await postEvents([sgEvent(m, other, 'delivered')]);
    assert.deepEqual(res.body, { events: 1, applied: 0, unchanged: 0, duplicate: 0, ignored: 1 });
    assert.equal((await message(m.id)).status, 'sent');
  });
});

describe('delivery webhooks without their secrets', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t?.close());

  it('answers 404 webhook.not_configured and takes nothing in', async () => {
    const form = new URLSearchParams({ From: '+972541234567', To: SHARED_NUMBER, Body: 'STOP' }).toString();
    for (const path of ['/api/webhooks/twilio/inbound', `/api/webhooks/twilio/status?b=${randomUUID()}&m=${randomUUID()}&a=1`]) {
      const res = await t.http.post(path).type('form').set('X-Twilio-Signature', 'x').send(form);
      assert.equal(expectProblem(res, 404).code, 'webhook.not_configured', path);
    }
    const events = await t.http
      .post('/api/webhooks/sendgrid/events')
      .set('X-Twilio-Email-Event-Webhook-Signature', 'x')
      .set('X-Twilio-Email-Event-Webhook-Timestamp', nowSeconds())
      .send([{ event: 'delivered' }]);
    assert.equal(expectProblem(events, 404).code, 'webhook.not_configured');
    const whatsapp = await t.http
      .post('/api/webhooks/whatsapp')
      .set('X-Hub-Signature-256', `sha256=${'0'.repeat(64)}`)
      .send({ object: 'whatsapp_business_account', entry: [] });
    assert.equal(expectProblem(whatsapp, 404).code, 'webhook.not_configured');
    const handshake = await t.http
      .get('/api/webhooks/whatsapp')
      .query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'anything', 'hub.challenge': '1' });
    assert.equal(expectProblem(handshake, 404).code, 'webhook.not_configured');
  });
});
