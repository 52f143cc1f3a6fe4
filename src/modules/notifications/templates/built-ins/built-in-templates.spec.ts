import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Channel, MessageLocale, TemplateKey } from '../../notification.types';
import { messageFormatFor } from '../locale-format';
import { renderMessage } from '../message-renderer';
import { countSmsSegments } from '../sms-segments';
import { templateErrors } from '../template-validation';
import { sampleScope } from '../template-variables';
import { builtInSource, channelsOf, TEMPLATE_KEYS, variablesOf } from './built-in-templates';

const WITH_SMS = [
  TemplateKey.appointmentBooked,
  TemplateKey.appointmentRescheduled,
  TemplateKey.appointmentCancelled,
  TemplateKey.appointmentReminder,
  TemplateKey.registrationConfirmed,
  TemplateKey.registrationWaitlisted,
  TemplateKey.registrationPromoted,
  TemplateKey.eventCancelled,
];
const EMAIL_ONLY = [TemplateKey.passwordReset, TemplateKey.emailVerification, TemplateKey.emailChange, TemplateKey.subscriberConfirm];

const format = (locale: MessageLocale) => messageFormatFor({ timezone: 'Asia/Jerusalem', currency: 'ILS' }, locale);

describe('built-in templates', () => {
  it('exist for every key, by email, and by SMS where a short text makes sense', () => {
    assert.deepEqual([...TEMPLATE_KEYS].sort(), Object.values(TemplateKey).sort());
    for (const key of TEMPLATE_KEYS) assert.ok(channelsOf(key).includes(Channel.email), key);
    for (const key of WITH_SMS) assert.deepEqual(channelsOf(key), [Channel.email, Channel.sms], key);
    for (const key of EMAIL_ONLY) assert.deepEqual(channelsOf(key), [Channel.email], key);
  });

  it('declare each variable once, with a description and a sample', () => {
    for (const key of TEMPLATE_KEYS) {
      const names = variablesOf(key).map((v) => v.name);
      assert.equal(new Set(names).size, names.length, `${key}: ${names.join(', ')}`);
      for (const v of variablesOf(key)) assert.ok(v.description && v.sample !== undefined, `${key} ${v.name}`);
    }
  });

  for (const key of Object.values(TemplateKey)) {
    for (const channel of channelsOf(key)) {
      for (const locale of Object.values(MessageLocale)) {
        it(`${key} ${channel} ${locale}: uses only its variables and renders with the sample data`, () => {
          const source = builtInSource(key, channel, locale)!;
          const scope = sampleScope(variablesOf(key), locale);
          assert.deepEqual(templateErrors(source, variablesOf(key), { scope, format: format(locale) }), []);
          const message = renderMessage(source, channel, scope, format(locale));
          assert.ok(message.text.length > 20, message.text);
          for (const part of [message.text, message.subject ?? '', message.html ?? '']) {
            assert.doesNotMatch(part, /\{\{|\{%|undefined|NaN|\[object/, part);
          }
          if (locale === MessageLocale.he) assert.match(message.text, /[\u0590-\u05FF]/, 'Hebrew text');
          if (channel === Channel.email) {
            assert.ok(message.subject && !/\n/.test(message.subject), 'a one-line subject');
            const html = message.html ?? '';
            assert.match(html, locale === MessageLocale.he ? /<html dir="rtl" lang="he">/ : /<html dir="ltr" lang="en">/);
            assert.match(html, /<meta charset="utf-8">/);
            assert.ok(html.includes(locale === MessageLocale.he ? 'סטודיו דנה' : 'Studio Dana'), 'the business name');
          } else {
            assert.equal(message.subject, undefined);
            assert.equal(message.html, undefined);
            const sms = countSmsSegments(message.text);
            assert.ok(sms.segments <= 2, `${sms.segments} parts: ${message.text}`);
          }
        });
      }
    }
  }

  it('render empty where values are missing, without throwing', () => {
    for (const key of TEMPLATE_KEYS) {
      for (const channel of channelsOf(key)) {
        const message = renderMessage(builtInSource(key, channel, MessageLocale.he)!, channel, {}, format(MessageLocale.he));
        assert.ok(message.text.length > 0, key);
        assert.doesNotMatch(message.text, /undefined|NaN/);
      }
    }
  });

  it('write Hebrew dates, times and ₪ prices for Israel', () => {
    const scope = sampleScope(variablesOf(TemplateKey.appointmentBooked), MessageLocale.he);
    const message = renderMessage(
      builtInSource(TemplateKey.appointmentBooked, Channel.email, MessageLocale.he)!,
      Channel.email,
      scope,
      format(MessageLocale.he),
    );
    const shekels = new Intl.NumberFormat('he-IL', { style: 'currency', currency: 'ILS' }).format(120);
    assert.ok(message.text.includes(`מחיר: ${shekels}`), message.text);
    assert.ok(message.text.includes('מועד: יום ראשון, 3 במאי 2026 בשעה 10:30'), message.text);
    assert.equal(message.subject, 'אישור תור: תספורת, יום א׳, 3.5 בשעה 10:30');
  });
});
