import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { MAIL_TRANSPORT, type MailTransport } from '../../src/infra/mail/mail.port';
import { SmtpMailTransport } from '../../src/infra/mail/smtp.mail-transport';
import { OutboxMailTransport } from '../../src/infra/mail/outbox.mail-transport';
import { parseEml } from '../support/eml';
import { expectProblem, newBusiness } from '../support/factories';
import { startSmtpSink } from '../support/smtp-sink';
import { startTestApp, type TestApp } from '../support/test-app';

const SUBJECT = 'תזכורת: סדנת קרמיקה מחר ב-18:00 — נתראה!';
const UNSUBSCRIBE = '<https://chatgrow.example/api/public/unsubscribe/abc>';

describe('email: SMTP driver', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  before(async () => {
    sink = await startSmtpSink();
  });
  after(() => sink.close());

  it('delivers a Hebrew message with its headers to an SMTP server', async () => {
    const transport = new SmtpMailTransport(sink.url, 'סטודיו דנה <hello@dana.co.il>');
    try {
      const sent = await transport.send({
        to: 'noa@example.co.il',
        subject: SUBJECT,
        text: 'שלום נועה, מחכים לך!',
        html: '<p dir="rtl">שלום נועה, מחכים לך!</p>',
        headers: { 'List-Unsubscribe': UNSUBSCRIBE, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      });
      assert.match(sent.messageId, /^<.+@dana\.co\.il>$/);
      const got = await sink.waitFor((m) => m.header('message-id') === sent.messageId);
      assert.deepEqual(got.envelope, { from: 'hello@dana.co.il', to: ['noa@example.co.il'] });
      assert.equal(got.subject, SUBJECT);
      assert.equal(got.header('from'), 'סטודיו דנה <hello@dana.co.il>');
      assert.equal(got.header('list-unsubscribe'), UNSUBSCRIBE);
      assert.equal(got.header('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
      assert.equal(got.text, 'שלום נועה, מחכים לך!');
      assert.equal(got.html, '<p dir="rtl">שלום נועה, מחכים לך!</p>');
    } finally {
      transport.close();
    }
  });

  describe('chosen at boot by EMAIL_DRIVER=smtp', () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp({ EMAIL_DRIVER: 'smtp', SMTP_URL: sink.url, EMAIL_FROM: 'ChatGrow <mailer@chatgrow.test>' });
    });
    after(() => t.close());

    it('sends the double opt-in mail through the email queue, and retries a temporary failure', async () => {
      assert.ok(t.app.get<MailTransport>(MAIL_TRANSPORT) instanceof SmtpMailTransport);
      const owner = await newBusiness(t.http, { businessName: 'מאפיית השכונה' });
      const slug = (await t.http.get('/api/business').set(owner.auth)).body.slug;
      sink.failNext(1);
      const res = await t.http
        .post(`/api/public/${slug}/subscribe`)
        .set('X-Forwarded-For', '198.51.100.7')
        .send({ email: 'lea@example.co.il', consent: true });
      assert.equal(res.status, 202);

      const got = await sink.waitFor((m) => m.envelope.to.includes('lea@example.co.il'), 30_000);
      assert.equal(sink.rejected(), 1, 'the first attempt was refused and the queue tried again');
      assert.equal(got.envelope.from, 'mailer@chatgrow.test');
      assert.equal(got.subject, 'אישור הרשמה לדיוור של מאפיית השכונה');
      assert.match(got.header('list-unsubscribe') ?? '', /^<http:\/\/localhost:3000\/api\/public\/unsubscribe\/[A-Za-z0-9_-]{74}>$/);
      assert.equal(got.header('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');

      const token = /\/api\/public\/subscriptions\/confirm\/([A-Za-z0-9_-]{74})/.exec(got.text)![1];
      assert.equal((await t.http.get(`/api/public/subscriptions/confirm/${token}`)).body.status, 'subscribed');
      expectProblem(await t.http.get(`/api/public/subscriptions/confirm/${token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`), 404);
    });
  });
});

describe('email: outbox driver', () => {
  it('writes one RFC 5322 .eml file per message, atomically', async () => {
    const t = await startTestApp();
    try {
      const transport = t.app.get<MailTransport>(MAIL_TRANSPORT);
      assert.ok(transport instanceof OutboxMailTransport);
      const { messageId } = await transport.send({
        to: 'dana@example.co.il',
        subject: SUBJECT,
        text: 'שלום',
        headers: { 'List-Unsubscribe': UNSUBSCRIBE },
      });
      const files = readdirSync(`${t.dataDir}/outbox`);
      assert.equal(files.length, 1);
      assert.match(files[0], /^\d{4}-\d{2}-\d{2}T.*\.eml$/);
      const raw = readFileSync(`${t.dataDir}/outbox/${files[0]}`, 'utf8');
      assert.match(raw, /\r\n/, 'CRLF line endings');
      const mail = parseEml(raw);
      assert.equal(mail.header('message-id'), messageId);
      assert.equal(mail.subject, SUBJECT);
      assert.equal(mail.text, 'שלום');
      assert.equal(mail.header('list-unsubscribe'), UNSUBSCRIBE);
      assert.ok(mail.header('date'));
    } finally {
      await t.close();
    }
  });
});
