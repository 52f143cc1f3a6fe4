import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en } from '../../web/src/i18n/en';
import { he } from '../../web/src/i18n/he';

const PLACEHOLDER = /\{(\w+)\}/g;
const placeholders = (text: string) => [...text.matchAll(PLACEHOLDER)].map((m) => m[1]).sort();

describe('dashboard message catalogues', () => {
  it('Hebrew and English have exactly the same keys', () => {
    const heKeys = Object.keys(he).sort();
    const enKeys = Object.keys(en).sort();
    assert.deepEqual(
      heKeys.filter((k) => !enKeys.includes(k)),
      [],
      'keys missing in en',
    );
    assert.deepEqual(
      enKeys.filter((k) => !heKeys.includes(k)),
      [],
      'keys missing in he',
    );
  });

  it('no message is empty or left as its own key', () => {
    for (const [lang, catalogue] of Object.entries({ he, en })) {
      for (const [key, text] of Object.entries(catalogue)) {
        assert.ok(text.trim().length > 0, `${lang} ${key} is empty`);
        assert.notEqual(text, key, `${lang} ${key} is untranslated`);
      }
    }
  });

  it('both languages fill in the same values', () => {
    for (const key of Object.keys(he) as (keyof typeof he)[]) {
      assert.deepEqual(placeholders(en[key]), placeholders(he[key]), key);
    }
  });

  it('the Hebrew catalogue is Hebrew: every message but brand names and the language toggle has Hebrew letters', () => {
    const exempt = new Set(['app.name', 'lang.toggle', 'lang.toggleLabel', 'customers.none']);
    for (const [key, text] of Object.entries(he)) {
      if (!exempt.has(key)) assert.match(text, /[\u0590-\u05ff]/, `he ${key} has no Hebrew: ${text}`);
    }
  });
});
