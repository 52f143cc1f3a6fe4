import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Channel, MessageLocale, TemplateKey } from '../../notification.types';
import { messageFormatFor } from '../locale-format';
import { renderMessage } from '../message-renderer';
import { builtInSource } from './built-in-templates';

/** The double opt-in mail, in the words the hand-written mail it replaced used (subscribers' e2e tests read them). */
describe('the subscriber.confirm built-in', () => {
  const format = messageFormatFor({ timezone: 'Asia/Jerusalem' }, MessageLocale.he);
  const source = builtInSource(TemplateKey.subscriberConfirm, Channel.email, MessageLocale.he)!;
  const confirmUrl = 'https://chatgrow.example/api/public/subscriptions/confirm/signed-token';

  for (const name of ['נועה כהן', null]) {
    it(`asks to confirm the address, with the link and its validity (${name ? 'with' : 'without'} a name)`, () => {
      const scope = { business: { name: 'סטודיו דנה' }, subscriber: { name, email: 'noa@example.co.il' }, confirmUrl, confirmValidDays: 7 };
      const rendered = renderMessage(source, Channel.email, scope, format);
      assert.equal(rendered.subject, 'אישור הרשמה לדיוור של סטודיו דנה');
      assert.match(rendered.text, new RegExp(`^${name ? `שלום ${name},` : 'שלום,'}\n`));
      assert.ok(rendered.text.includes('קיבלנו בקשה לצרף את הכתובת noa@example.co.il לרשימת הדיוור של סטודיו דנה.'));
      assert.ok(rendered.text.includes(`לאישור ההרשמה לחצו על הקישור (בתוקף 7 ימים):\n${confirmUrl}`));
      assert.match(rendered.html!, /<html dir="rtl" lang="he">/);
      assert.ok(rendered.html!.includes(`<a href="${confirmUrl}">לאישור ההרשמה לחצו כאן</a>`));
    });
  }
});
