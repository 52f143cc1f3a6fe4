import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MessageLocale } from '../notification.types';
import { emailDocument, textToHtml } from './email-layout';

describe('the email layout', () => {
  it('is a Hebrew right-to-left document for he and left-to-right for en, with the business name escaped', () => {
    const he = emailDocument('<p>שלום</p>', { locale: MessageLocale.he, businessName: 'דנה & <בנות>', subject: 'נושא' });
    assert.match(he, /^<!DOCTYPE html>\n<html dir="rtl" lang="he">/);
    assert.ok(he.includes('דנה &amp; &lt;בנות&gt;'));
    assert.ok(he.includes('<title>נושא</title>'));
    assert.match(
      emailDocument('<p>Hi</p>', { locale: MessageLocale.en, businessName: 'Dana', subject: 'S' }),
      /<html dir="ltr" lang="en">/,
    );
  });

  it('makes HTML from a plain text: escaped, paragraphs, line breaks and links', () => {
    assert.equal(
      textToHtml('שלום <b>דנה</b>,\n\nשורה אחת\nלקישור: https://x.example/a?b=1&c=2.\n\n\n'),
      '<p>שלום &lt;b&gt;דנה&lt;/b&gt;,</p>\n<p>שורה אחת<br>\nלקישור: <a href="https://x.example/a?b=1&amp;c=2">https://x.example/a?b=1&amp;c=2</a>.</p>',
    );
  });
});
