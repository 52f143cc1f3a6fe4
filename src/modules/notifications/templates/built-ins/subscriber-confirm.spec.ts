import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Subscriber } from '../../../subscribers/entities/subscriber.entity';
import { CONFIRM_LINK_TTL_SECONDS, SubscriberMailer, type SubscriberMail } from '../../../subscribers/subscriber-mailer.service';
import { Channel, MessageLocale, TemplateKey } from '../../notification.types';
import { messageFormatFor } from '../locale-format';
import { renderMessage } from '../message-renderer';
import { builtInSource } from './built-in-templates';

/** What today's hand-written double opt-in mail says, caught before it is queued (without the unsubscribe footer it adds). */
function handWritten(subscriber: Subscriber, businessName: string, now: Date): { mail: SubscriberMail; confirmUrl: string } {
  let queued: SubscriberMail | undefined;
  const mailer = new SubscriberMailer(
    { sign: () => 'signed-token' } as never,
    { enqueue: async (_b: string, mail: SubscriberMail) => ((queued = mail), 'job-1') } as never,
    { get: () => 'https://chatgrow.example' } as never,
  );
  void mailer.sendConfirmation(subscriber, businessName, now);
  assert.ok(queued);
  const text = queued.text.replace(/\n\n--\n[\s\S]*$/, '');
  return { mail: { ...queued, text }, confirmUrl: mailer.confirmUrl(subscriber, now) };
}

describe('the subscriber.confirm built-in', () => {
  const now = new Date('2026-05-03T07:30:00Z');
  const format = messageFormatFor({ timezone: 'Asia/Jerusalem' }, MessageLocale.he);
  const source = builtInSource(TemplateKey.subscriberConfirm, Channel.email, MessageLocale.he)!;

  for (const name of ['נועה כהן', null]) {
    it(`says what the hand-written Hebrew mail says (${name ? 'with' : 'without'} a name)`, () => {
      const subscriber = { id: 's-1', businessId: 'b-1', email: 'noa@example.co.il', name } as Subscriber;
      const { mail, confirmUrl } = handWritten(subscriber, 'סטודיו דנה', now);
      const scope = {
        business: { name: 'סטודיו דנה' },
        subscriber: { name, email: subscriber.email },
        confirmUrl,
        confirmValidDays: CONFIRM_LINK_TTL_SECONDS / 86_400,
      };
      const rendered = renderMessage(source, Channel.email, scope, format);
      assert.equal(rendered.subject, mail.subject);
      assert.equal(rendered.text, mail.text);
      // The HTML says the same paragraphs (the layout replaces the hand-written <div dir="rtl" lang="he">).
      const paragraphs = (html: string) => [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1]);
      assert.deepEqual(paragraphs(rendered.html!), paragraphs(mail.html!));
    });
  }
});
