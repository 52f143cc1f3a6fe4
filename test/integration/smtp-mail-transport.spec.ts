import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PermanentDeliveryError, TemporaryDeliveryError } from '../../src/common/delivery/delivery-errors';
import type { MailMessage } from '../../src/infra/mail/mail.port';
import { SmtpMailTransport } from '../../src/infra/mail/smtp.mail-transport';
import { closedPort } from '../support/http-fake';
import { SAMPLE_PDF } from '../support/sample-files';
import { startSmtpSink } from '../support/smtp-sink';

const FROM = 'ChatGrow <mailer@chatgrow.test>';
const REPLY_TO = 'Dana Studio <dana@dana.co.il>';
const SUBJECT = 'חשבונית מס 1001 — סטודיו דנה';
const HTML = '<div dir="rtl" lang="he"><p>שלום נועה,</p><p>מצורפת החשבונית לתשלום על סדנת הקרמיקה.</p></div>';
const TEXT = 'שלום נועה,\nמצורפת החשבונית לתשלום על סדנת הקרמיקה.';

const invoice = (to: string): MailMessage => ({
  to,
  subject: SUBJECT,
  text: TEXT,
  html: HTML,
  fromName: 'סטודיו דנה',
  headers: { 'List-Unsubscribe': '<https://chatgrow.example/u/abc>' },
  attachments: [
    { filename: 'חשבונית-1001.pdf', contentType: 'application/pdf', content: SAMPLE_PDF },
    { filename: 'invoice-1001.pdf', contentType: 'application/pdf', content: SAMPLE_PDF },
  ],
});

describe('email: SMTP driver at the wire', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let transport: SmtpMailTransport;
  before(async () => {
    sink = await startSmtpSink();
    transport = new SmtpMailTransport(sink.url, FROM, REPLY_TO);
  });
  after(async () => {
    transport.close();
    await sink.close();
  });

  it('delivers a Hebrew invoice: encoded subject, RTL HTML and text parts, the PDF with its name and type', async () => {
    const sent = await transport.send(invoice('noa@example.co.il'));
    assert.equal(sent.provider, 'smtp');
    const got = await sink.waitFor((m) => m.header('message-id') === sent.messageId);

    assert.deepEqual(got.envelope, { from: 'mailer@chatgrow.test', to: ['noa@example.co.il'] });
    assert.match(got.raw.split(/\r?\n\r?\n/)[0], /^Subject: =\?UTF-8\?[BQ]\?/m, 'the subject is RFC 2047 encoded on the wire');
    assert.equal(got.subject, SUBJECT);
    assert.equal(got.header('from'), 'סטודיו דנה <mailer@chatgrow.test>', "the business's name with EMAIL_FROM's address");
    assert.equal(got.header('reply-to'), REPLY_TO, 'EMAIL_REPLY_TO when the message names none');
    assert.equal(got.header('list-unsubscribe'), '<https://chatgrow.example/u/abc>');
    assert.equal(got.text, TEXT);
    assert.equal(got.html, HTML);
    assert.deepEqual(
      got.attachments.map((a) => [a.filename, a.contentType]),
      [
        ['חשבונית-1001.pdf', 'application/pdf'],
        ['invoice-1001.pdf', 'application/pdf'],
      ],
    );
    for (const a of got.attachments) assert.ok(a.content.equals(SAMPLE_PDF), `${a.filename} arrives byte for byte`);
  });

  it("uses the message's own Reply-To over EMAIL_REPLY_TO", async () => {
    const sent = await transport.send({ ...invoice('lea@example.co.il'), replyTo: 'avi@example.co.il', attachments: [] });
    const got = await sink.waitFor((m) => m.header('message-id') === sent.messageId);
    assert.equal(got.header('reply-to'), 'avi@example.co.il');
    assert.deepEqual(got.attachments, []);
  });

  it('reports a 4xx reply (451, 421) as temporary and a 5xx one (552, a 550 mailbox) as permanent', async () => {
    for (const code of [451, 421]) {
      sink.failNext(1, code);
      await assert.rejects(
        transport.send(invoice('busy@example.co.il')),
        (err: Error) => err instanceof TemporaryDeliveryError && err.providerCode === String(code),
      );
    }
    sink.failNext(1, 552);
    await assert.rejects(
      transport.send(invoice('full@example.co.il')),
      (err: Error) => err instanceof PermanentDeliveryError && err.providerCode === '552',
    );
    sink.rejectRecipient('nobody@example.co.il');
    await assert.rejects(
      transport.send(invoice('nobody@example.co.il')),
      (err: Error) => err instanceof PermanentDeliveryError && err.providerCode === '550' && /Mailbox unavailable/.test(err.message),
    );
    const sent = await transport.send(invoice('after@example.co.il'));
    assert.ok(await sink.waitFor((m) => m.header('message-id') === sent.messageId), 'the pool recovers after the refusals');
  });

  it('reports a server that is down as temporary', async () => {
    const down = new SmtpMailTransport(`smtp://127.0.0.1:${await closedPort()}`, FROM);
    try {
      await assert.rejects(
        down.send(invoice('noa@example.co.il')),
        (err: Error) => err instanceof TemporaryDeliveryError && err.providerCode === 'ECONNREFUSED',
      );
      assert.equal((await down.probe()).ok, false);
    } finally {
      down.close();
    }
    assert.deepEqual(await transport.probe(), { ok: true });
  });
});
