import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PermanentDeliveryError, TemporaryDeliveryError } from '../../src/common/delivery/delivery-errors';
import { SMS_TRANSPORT, type SmsTransport } from '../../src/infra/sms/sms.port';
import { TwilioSmsTransport } from '../../src/infra/sms/twilio.sms-transport';
import { closedPort } from '../support/http-fake';
import { startTestApp } from '../support/test-app';
import { startTwilioFake, type TwilioFake } from '../support/twilio-fake';

const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const AUTH_TOKEN = 'f00dcafe0123456789abcdef01234567';
const SERVICE_SID = `MG${'fedcba9876543210'.repeat(2)}`;
/** 71 characters of Hebrew: UCS-2, one more than fits one message. */
const REMINDER = 'שלום נועה! תזכורת: התור שלך בסטודיו דנה מחר, יום ג׳ בשעה 10:00. להתראות';

describe('SMS: Twilio driver at the wire', () => {
  let fake: TwilioFake;
  let twilio: TwilioSmsTransport;
  before(async () => {
    fake = await startTwilioFake({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    twilio = new TwilioSmsTransport({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: '+972533000111', apiUrl: fake.url });
  });
  after(() => fake.close());

  it('posts the form-encoded message with Basic AccountSid:AuthToken and keeps Twilio’s sid', async () => {
    assert.equal(REMINDER.length, 71);
    const sent = await twilio.send({ to: '+972501234567', body: REMINDER });
    const accepted = fake.sent.at(-1)!;
    assert.deepEqual(sent, { messageId: accepted.sid, provider: 'twilio', segments: 2 });
    assert.match(sent.messageId, /^SM[0-9a-f]{32}$/);
    const { request } = accepted;
    assert.equal(request.method, 'POST');
    assert.equal(request.path, `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`);
    assert.equal(request.headers.authorization, `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`);
    assert.match(request.headers['content-type'] ?? '', /^application\/x-www-form-urlencoded/);
    assert.deepEqual(accepted.form, { To: '+972501234567', Body: REMINDER, From: '+972533000111' });
  });

  it("sends from the message's own sender when it names one", async () => {
    await twilio.send({ to: '+972501234567', body: 'See you at 10', from: 'DanaStudio' });
    assert.deepEqual(fake.sent.at(-1)!.form, { To: '+972501234567', Body: 'See you at 10', From: 'DanaStudio' });
  });

  it('lets the Messaging Service pick the sender when TWILIO_MESSAGING_SERVICE_SID is set', async () => {
    const viaService = new TwilioSmsTransport({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      from: '+972533000111',
      messagingServiceSid: SERVICE_SID,
      apiUrl: fake.url,
    });
    await viaService.send({ to: '+972501234567', body: 'שלום' });
    assert.deepEqual(fake.sent.at(-1)!.form, { To: '+972501234567', Body: 'שלום', MessagingServiceSid: SERVICE_SID });
    await viaService.send({ to: '+972501234567', body: 'שלום', from: 'DanaStudio' });
    assert.deepEqual(fake.sent.at(-1)!.form, { To: '+972501234567', Body: 'שלום', MessagingServiceSid: SERVICE_SID, From: 'DanaStudio' });
  });

  it('reports 429 and 5xx as temporary, an invalid number and bad credentials as permanent, with Twilio’s code', async () => {
    for (const [status, code] of [
      [429, '20429'],
      [500, '20500'],
      [503, '20503'],
    ] as const) {
      fake.failNext(1, status);
      await assert.rejects(
        twilio.send({ to: '+972501234567', body: 'x' }),
        (err: Error) => err instanceof TemporaryDeliveryError && err.providerCode === code,
        `status ${status}`,
      );
    }
    fake.failNext(1, 400);
    await assert.rejects(
      twilio.send({ to: '+972501234567', body: 'x' }),
      (err: Error) => err instanceof PermanentDeliveryError && err.providerCode === '21211',
    );
    await assert.rejects(
      twilio.send({ to: '050-1234567', body: 'x' }),
      (err: Error) =>
        err instanceof PermanentDeliveryError && err.providerCode === '21211' && /Invalid 'To' Phone Number: 050-1234567/.test(err.message),
    );
    const wrongToken = new TwilioSmsTransport({ accountSid: ACCOUNT_SID, authToken: 'wrong', from: '+972533000111', apiUrl: fake.url });
    await assert.rejects(
      wrongToken.send({ to: '+972501234567', body: 'x' }),
      (err: Error) => err instanceof PermanentDeliveryError && err.providerCode === '20003',
    );
  });

  it('reports a refused connection as temporary', async () => {
    const down = new TwilioSmsTransport({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      from: '+972533000111',
      apiUrl: `http://127.0.0.1:${await closedPort()}`,
    });
    await assert.rejects(
      down.send({ to: '+972501234567', body: 'x' }),
      (err: Error) => err instanceof TemporaryDeliveryError && err.providerCode === 'ECONNREFUSED',
    );
    assert.equal((await down.probe()).ok, false);
  });

  it('probes by fetching the account: active is ok, a suspended account or a wrong token is not', async () => {
    const before = fake.sent.length;
    assert.deepEqual(await twilio.probe(), { ok: true, detail: 'ChatGrow test account (active)' });
    const probe = fake.requests.at(-1)!;
    assert.deepEqual([probe.method, probe.path], ['GET', `/2010-04-01/Accounts/${ACCOUNT_SID}.json`]);
    assert.equal(fake.sent.length, before, 'a probe sends nothing');
    const wrongToken = new TwilioSmsTransport({ accountSid: ACCOUNT_SID, authToken: 'wrong', from: '+972533000111', apiUrl: fake.url });
    assert.deepEqual(await wrongToken.probe(), { ok: false, detail: '401: Twilio 20003: Authenticate' });
    const suspended = await startTwilioFake({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, accountStatus: 'suspended' });
    try {
      const onSuspended = new TwilioSmsTransport({
        accountSid: ACCOUNT_SID,
        authToken: AUTH_TOKEN,
        from: '+972533000111',
        apiUrl: suspended.url,
      });
      assert.deepEqual(await onSuspended.probe(), { ok: false, detail: 'ChatGrow test account (suspended)' });
    } finally {
      await suspended.close();
    }
  });

  it('is what the app injects as SMS_TRANSPORT when SMS_DRIVER=twilio', async () => {
    const t = await startTestApp({
      SMS_DRIVER: 'twilio',
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      TWILIO_MESSAGING_SERVICE_SID: SERVICE_SID,
      TWILIO_API_URL: fake.url,
    });
    try {
      const transport = t.app.get<SmsTransport>(SMS_TRANSPORT);
      assert.ok(transport instanceof TwilioSmsTransport);
      const sent = await transport.send({ to: '+972521112233', body: 'קוד האימות שלך: 4821' });
      assert.deepEqual(fake.sent.at(-1)!.form, { To: '+972521112233', Body: 'קוד האימות שלך: 4821', MessagingServiceSid: SERVICE_SID });
      assert.equal(sent.messageId, fake.sent.at(-1)!.sid);
    } finally {
      await t.close();
    }
  });
});
