import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { OutboxMailTransport } from '../../src/infra/mail/outbox.mail-transport';
import { parseEml } from '../support/eml';
import { SAMPLE_PDF } from '../support/sample-files';

describe('email: outbox driver files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chatgrow-outbox-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes what SMTP would send: sender name, Reply-To, Hebrew subject, both parts and the attachment', async () => {
    const transport = new OutboxMailTransport(dir, 'ChatGrow <no-reply@chatgrow.test>', 'office@dana.co.il');
    const sent = await transport.send({
      to: 'noa@example.co.il',
      subject: 'קבלה על תשלום',
      text: 'תודה על התשלום',
      html: '<p dir="rtl">תודה על התשלום</p>',
      fromName: 'סטודיו דנה',
      attachments: [{ filename: 'קבלה.pdf', contentType: 'application/pdf', content: SAMPLE_PDF }],
    });
    assert.equal(sent.provider, 'outbox');
    const [file] = readdirSync(dir).filter((f) => f.endsWith('.eml'));
    const mail = parseEml(readFileSync(join(dir, file), 'utf8'));
    assert.equal(mail.header('message-id'), sent.messageId);
    assert.equal(mail.header('from'), 'סטודיו דנה <no-reply@chatgrow.test>');
    assert.equal(mail.header('reply-to'), 'office@dana.co.il');
    assert.equal(mail.subject, 'קבלה על תשלום');
    assert.equal(mail.text, 'תודה על התשלום');
    assert.equal(mail.html, '<p dir="rtl">תודה על התשלום</p>');
    assert.equal(mail.attachments.length, 1);
    assert.equal(mail.attachments[0].filename, 'קבלה.pdf');
    assert.equal(mail.attachments[0].contentType, 'application/pdf');
    assert.ok(mail.attachments[0].content.equals(SAMPLE_PDF));
    assert.deepEqual(await transport.probe(), { ok: true, detail: dir });
  });

  it('keeps the configured sender when the message names no display name', async () => {
    const transport = new OutboxMailTransport(join(dir, 'plain'), 'ChatGrow <no-reply@chatgrow.test>');
    await transport.send({ to: 'a@example.co.il', subject: 'x', text: 'y' });
    const [file] = readdirSync(join(dir, 'plain'));
    const mail = parseEml(readFileSync(join(dir, 'plain', file), 'utf8'));
    assert.equal(mail.header('from'), 'ChatGrow <no-reply@chatgrow.test>');
    assert.equal(mail.header('reply-to'), undefined);
  });

  it('names the logged message in X-ChatGrow-Message-Id (business/message/attempt), beside the headers it carries', async () => {
    const transport = new OutboxMailTransport(join(dir, 'referenced'), 'ChatGrow <no-reply@chatgrow.test>');
    const reference = { businessId: '0b6f7d3e-2a51-4a8e-9a43-5b9a1a1c2d3e', messageId: '5f0c9b1e-8d2a-4e57-b6a1-0e9c2b7d4f11', attempt: 2 };
    await transport.send({
      to: 'a@example.co.il',
      subject: 'x',
      text: 'y',
      headers: { 'List-Unsubscribe': '<https://x.test/u>' },
      reference,
    });
    const [file] = readdirSync(join(dir, 'referenced'));
    const mail = parseEml(readFileSync(join(dir, 'referenced', file), 'utf8'));
    assert.equal(mail.header('x-chatgrow-message-id'), `${reference.businessId}/${reference.messageId}/2`);
    assert.equal(mail.header('list-unsubscribe'), '<https://x.test/u>');
  });
});
