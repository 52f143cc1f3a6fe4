import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type {
  AudienceCondition,
  AudienceField,
  AudienceNode,
  AudienceOperator,
  AudienceRule,
  AudienceValue,
} from '../../customers/audience/audience-rule';
import { parseSegmentText, SEGMENT_TEXT_MAX_LENGTH } from './segment-text-parser';

const c = (field: AudienceField, operator: AudienceOperator, value: AudienceValue): AudienceCondition => ({ field, operator, value });
const all = (...rules: AudienceNode[]): AudienceRule => ({ match: 'all', rules });
const any = (...rules: AudienceNode[]): AudienceRule => ({ match: 'any', rules });

/** Sunday 10 May 2026, 15:00 in Israel. */
const NOW = new Date('2026-05-10T12:00:00Z');
const parse = (text: string) => parseSegmentText(text, { now: NOW, timeZone: 'Asia/Jerusalem' });

const TABLE: [text: string, rule: AudienceRule][] = [
  // inactivity and visits: months are 30 days, half a year 180, a year 365
  ['inactive for 6 months', all(c('daysSinceLastActivity', '>=', 180))],
  ['customers who have been inactive for more than a year', all(c('daysSinceLastActivity', '>', 365))],
  ["haven't visited in 90 days", all(c('daysSinceLastVisit', '>=', 90))],
  ['who have not visited in the last two weeks', all(c('daysSinceLastVisit', '>=', 14))],
  ['no visits in the last 90 days', all(c('daysSinceLastVisit', '>=', 90))],
  ['לקוחות שלא ביקרו חצי שנה', all(c('daysSinceLastVisit', '>=', 180))],
  ['לא היו פעילים 3 חודשים', all(c('daysSinceLastActivity', '>=', 90))],
  ['שלא ביקרו שנה', all(c('daysSinceLastVisit', '>=', 365))],
  ['לקוחות שלא ביקרו חודשיים', all(c('daysSinceLastVisit', '>=', 60))],
  ['לא פעילים שבועיים', all(c('daysSinceLastActivity', '>=', 14))],
  ['שלא ביקרו כבר יותר משלושה חודשים', all(c('daysSinceLastVisit', '>', 90))],
  ['שלא ביקרו ב-90 הימים האחרונים', all(c('daysSinceLastVisit', '>=', 90))],
  ['ללא פעילות בחצי השנה האחרונה', all(c('daysSinceLastActivity', '>=', 180))],
  ['visited in the last 30 days', all(c('daysSinceLastVisit', '<=', 30))],
  ['ביקרו בחודש האחרון', all(c('daysSinceLastVisit', '<=', 30))],
  // spend: shekels to agorot, exactly
  ['spent over ₪500', all(c('totalSpendAgorot', '>', 50_000))],
  ['spent more than 500 shekels', all(c('totalSpendAgorot', '>', 50_000))],
  ['spent less than ₪1,000', all(c('totalSpendAgorot', '<', 100_000))],
  ['spent at least 99.90 NIS', all(c('totalSpendAgorot', '>=', 9_990))],
  ['spent ₪250 or more', all(c('totalSpendAgorot', '>=', 25_000))],
  ['spent between 100 and 500', all(c('totalSpendAgorot', '>=', 10_000), c('totalSpendAgorot', '<=', 50_000))],
  ['הוציאו מעל 500 ₪', all(c('totalSpendAgorot', '>', 50_000))],
  ['קנו ביותר מ-1,000 ש"ח', all(c('totalSpendAgorot', '>', 100_000))],
  ['קנו ביותר מ-1,000 ש״ח', all(c('totalSpendAgorot', '>', 100_000))],
  ['הוציאו פחות מ-200 ₪', all(c('totalSpendAgorot', '<', 20_000))],
  ['הוציאו עד 99.9 שקל', all(c('totalSpendAgorot', '<=', 9_990))],
  ['קנו ב-500 ₪ ומעלה', all(c('totalSpendAgorot', '>=', 50_000))],
  ['שסך הרכישות שלהם מעל 2,000 ש"ח', all(c('totalSpendAgorot', '>', 200_000))],
  // visit counts
  ['visited at least 3 times', all(c('visitCount', '>=', 3))],
  ['more than 5 visits', all(c('visitCount', '>', 5))],
  ['visited twice', all(c('visitCount', '=', 2))],
  ['ביקרו לפחות 3 פעמים', all(c('visitCount', '>=', 3))],
  ['שביקרו יותר מחמש פעמים', all(c('visitCount', '>', 5))],
  ['עם לפחות 5 ביקורים', all(c('visitCount', '>=', 5))],
  ['never visited', all(c('visitCount', '=', 0))],
  ['שלא ביקרו אף פעם', all(c('visitCount', '=', 0))],
  ['שמעולם לא ביקרו', all(c('visitCount', '=', 0))],
  // tags
  ['tagged VIP', all(c('tags', 'contains', 'VIP'))],
  ['with tag vip', all(c('tags', 'contains', 'vip'))],
  ['without the VIP tag', all(c('tags', 'not in', ['VIP']))],
  ['עם תגית VIP', all(c('tags', 'contains', 'VIP'))],
  ['בעלי התגית VIP', all(c('tags', 'contains', 'VIP'))],
  ['מתויגים כ-VIP', all(c('tags', 'contains', 'VIP'))],
  ['עם התגית "לקוח קבוע"', all(c('tags', 'contains', 'לקוח קבוע'))],
  ['שאין להם תגית VIP', all(c('tags', 'not in', ['VIP']))],
  // consent
  ['subscribed to email', all(c('emailConsent', '=', true))],
  ['who agreed to receive SMS', all(c('smsConsent', '=', true))],
  ['subscribed to email or SMS', any(c('emailConsent', '=', true), c('smsConsent', '=', true))],
  ['unsubscribed from email', all(c('emailConsent', '=', false))],
  ['רשומים לדיוור', all(c('emailConsent', '=', true))],
  ['שהסכימו לקבל SMS', all(c('smsConsent', '=', true))],
  ['שהסכימו לקבל אימייל', all(c('emailConsent', '=', true))],
  ['לא רשומים לדיוור', all(c('emailConsent', '=', false))],
  // birthdays: "this month" is the month of `now` in the time zone
  ['birthday in March', all(c('birthdayMonth', '=', 3))],
  ['born in May', all(c('birthdayMonth', '=', 5))],
  ['birthday in March or April', all(c('birthdayMonth', 'in', [3, 4]))],
  ['birthday this month', all(c('birthdayMonth', '=', 5))],
  ['יום הולדת במרץ', all(c('birthdayMonth', '=', 3))],
  ['שחוגגים יום הולדת החודש', all(c('birthdayMonth', '=', 5))],
  ['יום הולדת בחודש הבא', all(c('birthdayMonth', '=', 6))],
  // language
  ['Hebrew speakers', all(c('language', '=', 'he'))],
  ['who speak English', all(c('language', '=', 'en'))],
  ['דוברי אנגלית', all(c('language', '=', 'en'))],
  ['שמדברים עברית', all(c('language', '=', 'he'))],
  // new customers, payments
  ['joined in the last 30 days', all(c('daysSinceCreated', '<=', 30))],
  ['הצטרפו ב-30 הימים האחרונים', all(c('daysSinceCreated', '<=', 30))],
  ['paid in the last 14 days', all(c('daysSinceLastPayment', '<=', 14))],
  ['ששילמו בשבועיים האחרונים', all(c('daysSinceLastPayment', '<=', 14))],
  // combined
  [
    'show me customers who are inactive for 6 months and spent over ₪500',
    all(c('daysSinceLastActivity', '>=', 180), c('totalSpendAgorot', '>', 50_000)),
  ],
  ['כל הלקוחות שלא ביקרו חצי שנה ושהוציאו מעל 500 ₪', all(c('daysSinceLastVisit', '>=', 180), c('totalSpendAgorot', '>', 50_000))],
  ['לקוחות שלא ביקרו חצי שנה שהוציאו מעל 500 ₪', all(c('daysSinceLastVisit', '>=', 180), c('totalSpendAgorot', '>', 50_000))],
  ['לקוחות עם תגית VIP או שהוציאו מעל 1,000 ₪', any(c('tags', 'contains', 'VIP'), c('totalSpendAgorot', '>', 100_000))],
  [
    'tagged VIP, tagged gold or tagged silver',
    any(c('tags', 'contains', 'VIP'), c('tags', 'contains', 'gold'), c('tags', 'contains', 'silver')),
  ],
  [
    'inactive for 6 months, spent over 500 and tagged VIP',
    all(c('daysSinceLastActivity', '>=', 180), c('totalSpendAgorot', '>', 50_000), c('tags', 'contains', 'VIP')),
  ],
  [
    'tagged VIP and spent over 500 or never visited',
    any(all(c('tags', 'contains', 'VIP'), c('totalSpendAgorot', '>', 50_000)), c('visitCount', '=', 0)),
  ],
  [
    'עם תגית VIP ושהסכימו לקבל SMS או דוברי אנגלית',
    any(all(c('tags', 'contains', 'VIP'), c('smsConsent', '=', true)), c('language', '=', 'en')),
  ],
  ['שהסכימו לקבל SMS ואימייל', all(c('smsConsent', '=', true), c('emailConsent', '=', true))],
];

/** Texts that must give no rule, and the parts each must name as not understood. */
const UNPARSEABLE: [text: string, unknown: string[]][] = [
  ['asdkjh qwe zxc', ['asdkjh qwe zxc']],
  ['גכדגכ שדגשדג', ['גכדגכ שדגשדג']],
  ['inactive for 6 months and like pizza', ['like pizza']],
  ['לקוחות שלא ביקרו חצי שנה וגם אוהבים פיצה', ['אוהבים פיצה']],
  ['spent over ₪500 last year', ['last year']],
  ['show me customers who like pizza', ['like pizza']],
  ["tagged VIP'; DROP TABLE customers; --", ["'; DROP TABLE customers; --"]],
  ["1=1 OR 'a'='a'", ['1=1', "'a'='a'"]],
  ['spent about 500', ['spent about 500']],
  ['inactive for 1.5 months', ['inactive for 1.5 months']],
  ['spent over 99.999', ['spent over 99.999']],
  ['spent between 500 and 100', ['spent between 500', '100']],
  ['tagged VIP and', ['and']],
  ["who don't speak English", ["don't"]],
  ['לקוחות VIP', ['VIP']],
  ['visited more than 5 times in the last month', ['in the last month']],
];

describe('segment text parser', () => {
  for (const [text, rule] of TABLE) {
    it(`reads "${text}"`, () => {
      const result = parse(text);
      assert.ok(result.ok, result.ok ? '' : result.message);
      assert.deepEqual(result.rule, rule);
    });
  }

  for (const [text, unknown] of UNPARSEABLE) {
    it(`refuses "${text}", naming what it did not understand`, () => {
      const result = parse(text);
      assert.equal(result.ok, false, 'no partial rule');
      if (result.ok) return;
      assert.deepEqual(result.unknown, unknown);
      for (const part of unknown) assert.ok(result.message.includes(part), result.message);
    });
  }

  it('reports the parts it understood, as written', () => {
    const result = parse('Show me all customers who spent over ₪500 and who speak English.');
    assert.ok(result.ok);
    assert.deepEqual(result.matched, ['spent over ₪500', 'speak English']);
  });

  it('answers in the language of the text, with phrasings that work', () => {
    const he = parse('לקוחות שאוהבים פיצה');
    assert.ok(!he.ok);
    assert.match(he.message, /^לא הצלחנו להבין: "שאוהבים פיצה"\. נסו ניסוחים כמו: .*"לקוחות שלא ביקרו חצי שנה"/);
    const en = parse('customers who like pizza');
    assert.ok(!en.ok);
    assert.match(en.message, /^Could not understand “like pizza”\. Try phrasings such as: .*"inactive for 6 months"/);
  });

  it('asks for a description when there is none, and refuses one too long', () => {
    for (const text of ['', '   ', ', ,', 'customers', 'כל הלקוחות']) {
      const result = parse(text);
      assert.ok(!result.ok);
      assert.deepEqual(result.unknown, []);
      assert.match(result.message, /Describe the customers|תארו את הלקוחות/);
    }
    const long = parse(`${'tagged VIP and '.repeat(40)}tagged gold`);
    assert.ok(!long.ok);
    assert.match(long.message, new RegExp(`longer than ${SEGMENT_TEXT_MAX_LENGTH} characters`));
  });

  it('refuses more conditions than a group may hold', () => {
    const result = parse(Array.from({ length: 26 }, (_, i) => `tagged t${i}`).join(' or '));
    assert.ok(!result.ok);
    assert.match(result.message, /more than 25 conditions/);
  });

  it('reads "this month" in the business time zone', () => {
    const lateOnMay31 = new Date('2026-05-31T22:30:00Z');
    const inIsrael = parseSegmentText('birthday this month', { now: lateOnMay31, timeZone: 'Asia/Jerusalem' });
    const inUtc = parseSegmentText('birthday this month', { now: lateOnMay31, timeZone: 'UTC' });
    assert.ok(inIsrael.ok && inUtc.ok);
    assert.deepEqual(inIsrael.rule, all(c('birthdayMonth', '=', 6)));
    assert.deepEqual(inUtc.rule, all(c('birthdayMonth', '=', 5)));
    const december = parseSegmentText('יום הולדת בחודש הבא', { now: new Date('2026-12-15T12:00:00Z'), timeZone: 'Asia/Jerusalem' });
    assert.ok(december.ok);
    assert.deepEqual(december.rule, all(c('birthdayMonth', '=', 1)));
  });

  it('ignores vowel points, direction marks and Hebrew punctuation variants', () => {
    const result = parse('\u200fלקוחות שֶׁלֹּא בִּיקְרוּ חֲצִי שָׁנָה\u200f.');
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.deepEqual(result.rule, all(c('daysSinceLastVisit', '>=', 180)));
  });
});
