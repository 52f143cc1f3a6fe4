import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PermanentDeliveryError, TemporaryDeliveryError } from '../../src/common/delivery/delivery-errors';
import { validateEnv } from '../../src/infra/config/validate-env';
import { createMailTransport } from '../../src/infra/mail/mail-driver.factory';
import { MAIL_TRANSPORT, type MailMessage } from '../../src/infra/mail/mail.port';
import { SendGridMailTransport } from '../../src/infra/mail/sendgrid.mail-transport';
import { closedPort } from '../support/http-fake';
import { SAMPLE_PDF } from '../support/sample-files';
import { startSendGridFake, type SendGridFake } from '../support/sendgrid-fake';
import { newBusiness } from '../support/factories';
import { startTestApp } from '../support/test-app';

const API_KEY = 'SG.test-key.0123456789abcdefghijklmnopqrstuvwxyz';
const SUBJECT = 'תזכורת: התור שלך מחר ב-10:00';
const HTML = '<div dir="rtl"><p>שלום נועה, מחכים לך מחר!</p></div>';

const reminder: MailMessage = {
  to: 'נועה כהן <noa@example.co.il>',
  subject: SUBJECT,
  text: 'שלום נועה, מחכים לך מחר!',
  html: HTML,
  fromName: 'סטודיו דנה',
  replyTo: 'dana@dana.co.il',
  headers: { 'List-Unsubscribe': '<https://chatgrow.example/u/abc>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  attachments: [{ filename: 'תור.pdf', contentType: 'application/pdf', content: SAMPLE_PDF }],
};

describe('email: SendGrid driver at the wire', () => {
  let fake: SendGridFake;
  let transport: SendGridMailTransport;
  before(async () => {
    fake = await startSendGridFake({ apiKey: API_KEY });
    transport = new SendGridMailTransport({
      apiKey: API_KEY,
      apiUrl: fake.url,
      from: 'ChatGrow <mailer@chatgrow.test>',
      replyTo: 'office@chatgrow.test',
    });
  });
  after(() => fake.close());

  it('posts the v3 Mail Send body with a Bearer key and records the X-Message-Id', async () => {
    const sent = await transport.send(reminder);
    const [accepted] = fake.sent.slice(-1);
    assert.deepEqual(sent, { messageId: accepted.messageId, provider: 'sendgrid' });
    assert.equal(accepted.request.method, 'POST');
    assert.equal(accepted.request.path, '/v3/mail/send');
    assert.equal(accepted.request.headers.authorization, `Bearer ${API_KEY}`);
    assert.match(accepted.request.headers['content-type'] ?? '', /^application\/json/);
    assert.deepEqual(accepted.body, {
      personalizations: [{ to: [{ email: 'noa@example.co.il', name: 'נועה כהן' }] }],
      from: { email: 'mailer@chatgrow.test', name: 'סטודיו דנה' },
      reply_to: { email: 'dana@dana.co.il' },
      subject: SUBJECT,
      content: [
        { type: 'text/plain', value: 'שלום נועה, מחכים לך מחר!' },
        { type: 'text/html', value: HTML },
      ],
      attachments: [{ content: SAMPLE_PDF.toString('base64'), filename: 'תור.pdf', type: 'application/pdf', disposition: 'attachment' }],
      headers: { 'List-Unsubscribe': '<https://chatgrow.example/u/abc>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
    assert.ok(accepted.request.body.includes('"subject":"תזכורת: התור שלך מחר ב-10:00"'), 'Hebrew travels as UTF-8, not escaped away');
  });

  it('fills sender and Reply-To from EMAIL_FROM and EMAIL_REPLY_TO, and leaves out what the message lacks', async () => {
    await transport.send({ to: 'lea@example.co.il', subject: 'שלום', text: 'רק טקסט' });
    assert.deepEqual(fake.sent.at(-1)!.body, {
      personalizations: [{ to: [{ email: 'lea@example.co.il' }] }],
      from: { email: 'mailer@chatgrow.test', name: 'ChatGrow' },
      reply_to: { email: 'office@chatgrow.test' },
      subject: 'שלום',
      content: [{ type: 'text/plain', value: 'רק טקסט' }],
    });
  });

  it('reports 429 and 5xx as temporary, other 4xx as permanent with SendGrid’s reason', async () => {
    for (const status of [429, 500, 503]) {
      fake.failNext(1, status);
      await assert.rejects(
        transport.send(reminder),
        (err: Error) => err instanceof TemporaryDeliveryError && err.providerCode === String(status),
        `status ${status}`,
      );
    }
    fake.failNext(1, 400);
    await assert.rejects(
      transport.send(reminder),
      (err: Error) =>
        err instanceof PermanentDeliveryError &&
        err.providerCode === '400' &&
        /from: The from address does not match a verified Sender Identity/.test(err.message),
    );
    const wrongKey = new SendGridMailTransport({ apiKey: 'SG.revoked', apiUrl: fake.url, from: 'a@chatgrow.test' });
    await assert.rejects(wrongKey.send(reminder), (err: Error) => err instanceof PermanentDeliveryError && err.providerCode === '401');
    await transport.send(reminder);
  });

  it('reports a refused connection and a provider that does not answer as temporary', async () => {
    const down = new SendGridMailTransport({ apiKey: API_KEY, apiUrl: `http://127.0.0.1:${await closedPort()}`, from: 'a@chatgrow.test' });
    await assert.rejects(down.send(reminder), (err: Error) => err instanceof TemporaryDeliveryError && err.providerCode === 'ECONNREFUSED');
    const impatient = new SendGridMailTransport({ apiKey: API_KEY, apiUrl: fake.url, from: 'a@chatgrow.test', timeoutMs: 200 });
    fake.stallNext(1);
    await assert.rejects(
      impatient.send(reminder),
      (err: Error) => err instanceof TemporaryDeliveryError && err.providerCode === 'ETIMEDOUT',
    );
    assert.equal((await down.probe()).ok, false);
  });

  it('probes with an authenticated GET /v3/scopes that must include mail.send', async () => {
    const before = fake.sent.length;
    assert.deepEqual(await transport.probe(), { ok: true });
    const probe = fake.requests.at(-1)!;
    assert.deepEqual([probe.method, probe.path, probe.headers.authorization], ['GET', '/v3/scopes', `Bearer ${API_KEY}`]);
    assert.equal(fake.sent.length, before, 'a probe sends no mail');
    const wrongKey = new SendGridMailTransport({ apiKey: 'SG.revoked', apiUrl: fake.url, from: 'a@chatgrow.test' });
    assert.deepEqual(await wrongKey.probe(), {
      ok: false,
      detail: '401: The provided authorization grant is invalid, expired, or revoked',
    });
    const readOnly = await startSendGridFake({ apiKey: API_KEY, scopes: ['stats.read'] });
    try {
      const limited = new SendGridMailTransport({ apiKey: API_KEY, apiUrl: readOnly.url, from: 'a@chatgrow.test' });
      assert.deepEqual(await limited.probe(), { ok: false, detail: 'the API key lacks the mail.send permission' });
    } finally {
      await readOnly.close();
    }
  });

  it('is what EMAIL_DRIVER=sendgrid builds, and the email queue sends through it', async () => {
    const env = validateEnv({ JWT_SECRET: 'x'.repeat(40), EMAIL_DRIVER: 'sendgrid', SENDGRID_API_KEY: API_KEY });
    assert.equal(env.SENDGRID_API_URL, 'https://api.sendgrid.com');
    assert.ok(createMailTransport(env) instanceof SendGridMailTransport);

    const t = await startTestApp({ EMAIL_DRIVER: 'sendgrid', SENDGRID_API_KEY: API_KEY, SENDGRID_API_URL: fake.url });
    try {
      assert.ok(t.app.get(MAIL_TRANSPORT) instanceof SendGridMailTransport);
      const owner = await newBusiness(t.http, { businessName: 'מאפיית השכונה' });
      const slug = (await t.http.get('/api/business').set(owner.auth)).body.slug;
      fake.failNext(1, 500);
      const res = await t.http
        .post(`/api/public/${slug}/subscribe`)
        .set('X-Forwarded-For', '198.51.100.9')
        .send({ email: 'ruth@example.co.il', consent: true });
      assert.equal(res.status, 202);
      const deadline = Date.now() + 30_000;
      const toRuth = () => fake.sent.find((s) => JSON.stringify(s.body.personalizations).includes('ruth@example.co.il'));
      while (!toRuth() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const accepted = toRuth();
      assert.ok(accepted, 'the confirmation reached SendGrid after the 500 was retried');
      assert.equal(accepted.body.subject, 'אישור הרשמה לדיוור של מאפיית השכונה');
      assert.match(
        (accepted.body.headers as Record<string, string>)['List-Unsubscribe'],
        /^<http:\/\/localhost:3000\/api\/public\/unsubscribe\//,
      );
    } finally {
      await t.close();
    }
  });
});
