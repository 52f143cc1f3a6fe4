import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isGsm7 } from '../../../infra/sms/sms-segments';
import { messageFormatFor } from '../../notifications/templates/locale-format';
import { parseTemplate, renderTemplate } from '../../notifications/templates/template-engine';
import { MessageLocale } from '../../notifications/notification.types';
import { CAMPAIGN_GOALS, type SuggestionChannel, type SuggestionLocale } from './campaign-suggestion.types';
import { localSuggestions, suggestionProblems } from './campaign-suggestions';

const LOCALES: SuggestionLocale[] = ['he', 'en'];
const CHANNELS: SuggestionChannel[] = ['email', 'sms'];
const every = CAMPAIGN_GOALS.flatMap((goal) => LOCALES.flatMap((locale) => CHANNELS.map((channel) => ({ goal, locale, channel }))));

const render = (source: string, locale: SuggestionLocale, phone: string | null) =>
  renderTemplate(
    parseTemplate(source, 'text'),
    {
      customer: { firstName: locale === 'he' ? 'נועה' : 'Noa' },
      business: { name: locale === 'he' ? 'סטודיו דנה' : 'Studio Dana', ...(phone ? { phone } : {}) },
    },
    'text',
    messageFormatFor({ timezone: 'Asia/Jerusalem', currency: 'ILS' }, locale === 'he' ? MessageLocale.he : MessageLocale.en),
  );

describe('campaign suggestions: the hand-written copy', () => {
  for (const { goal, locale, channel } of every) {
    it(`${goal}, ${locale}, ${channel}: 2–3 suggestions that pass every check a model's would`, () => {
      const suggestions = localSuggestions({ goal, locale, channel });
      assert.ok(suggestions.length >= 2 && suggestions.length <= 3);
      for (const s of suggestions) {
        assert.deepEqual(suggestionProblems(s, channel, locale), [], s.body);
        assert.equal(s.subject === null, channel === 'sms', 'a subject for email only');
        assert.match(`${s.subject ?? ''} ${s.body}`, /\{\{ (customer\.firstName|business\.name) \}\}/, 'personalised');
        const text = render(`${s.subject ?? ''}\n${s.body}`, locale, '03-555-1234');
        assert.equal(/[\u05d0-\u05ea]/.test(text), locale === 'he', 'written in its language');
        if (channel === 'sms' && locale === 'en') assert.ok(isGsm7(text), `GSM-7, not billed as Unicode: ${text}`);
      }
      assert.equal(new Set(suggestions.map((s) => s.body)).size, suggestions.length, 'different from each other');
    });
  }

  it('writes the phone only when the business has one', () => {
    for (const { goal, locale, channel } of every) {
      for (const s of localSuggestions({ goal, locale, channel })) {
        const without = render(s.body, locale, null);
        assert.ok(!/[:-]\s*$|:\s*\n|ל-\s|at\s+or/m.test(without), `nothing dangles without a phone: ${without}`);
        if (s.body.includes('business.phone')) assert.ok(render(s.body, locale, '03-555-1234').includes('03-555-1234'));
      }
    }
  });

  it('hands out copies: changing one does not change the next answer', () => {
    const [first] = localSuggestions({ goal: 'birthday', locale: 'he', channel: 'sms' });
    first.body = 'changed';
    assert.notEqual(localSuggestions({ goal: 'birthday', locale: 'he', channel: 'sms' })[0].body, 'changed');
  });
});

describe('campaign suggestions: the checks a candidate must pass', () => {
  const ok = { subject: 'Hi {{ customer.firstName }}', body: 'We miss you at {{ business.name }}.' };
  const problemsOf = (subject: string | null, body: string, channel: SuggestionChannel = 'email', locale: SuggestionLocale = 'en') =>
    suggestionProblems({ subject, body }, channel, locale).join('; ');

  it('accepts good copy', () => {
    assert.equal(problemsOf(ok.subject, ok.body), '');
    assert.equal(problemsOf(null, ok.body, 'sms'), '');
  });

  it('refuses empty text, a missing or multi-line email subject, and a subject on an SMS', () => {
    assert.match(problemsOf(ok.subject, '   '), /body: empty/);
    assert.match(problemsOf(null, ok.body), /subject: empty/);
    assert.match(problemsOf('Line one\nline two', ok.body), /subject: not one line/);
    assert.match(problemsOf('x'.repeat(151), ok.body), /subject: not one line/);
    assert.match(problemsOf('Hello', ok.body, 'sms'), /subject: an SMS has none/);
  });

  it('refuses links and an opt-out of its own', () => {
    assert.match(problemsOf(ok.subject, 'Book at https://evil.example.com now'), /a link/);
    assert.match(problemsOf(ok.subject, 'Visit www.studio.co.il'), /a link/);
    assert.match(problemsOf(null, 'See you soon! Reply STOP to opt out', 'sms'), /opt-out/);
    assert.match(problemsOf(null, 'מחכים לך! להסרה השב הסר', 'sms', 'he'), /opt-out/);
    assert.equal(problemsOf(null, 'Stop by anytime, {{ customer.firstName }}!', 'sms'), '', 'the word stop alone is fine');
  });

  it('refuses template syntax we do not offer and variables campaigns do not have', () => {
    assert.match(problemsOf(ok.subject, 'Hi {{ customer.password }}'), /unknown variable: customer\.password/);
    assert.match(problemsOf(ok.subject, "{% include 'secrets' %}"), /include/);
    assert.match(problemsOf(ok.subject, 'Hi {{ customer.firstName'), /body/);
  });

  it('refuses an SMS that, with the opt-out line, runs past three parts', () => {
    assert.match(problemsOf(null, 'מחכים לך בסטודיו! '.repeat(12), 'sms', 'he'), /SMS parts with the opt-out line/);
    assert.equal(problemsOf(null, 'מחכים לך בסטודיו! '.repeat(4), 'sms', 'he'), '');
  });
});
