import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MessageLocale } from '../notification.types';
import { formatDate, formatDateTime, formatMoney, formatTime, messageFormatFor, toInstant } from './locale-format';

const he = messageFormatFor({ timezone: 'Asia/Jerusalem', currency: 'ILS' }, MessageLocale.he);
const en = messageFormatFor({ timezone: 'Asia/Jerusalem', currency: 'ILS' }, MessageLocale.en);

describe('locale formats', () => {
  it('writes agorot as shekels the way Intl writes them for he-IL and en-IL', () => {
    const heShekels = new Intl.NumberFormat('he-IL', { style: 'currency', currency: 'ILS' }).format(120);
    assert.equal(formatMoney(12000, he), heShekels);
    assert.match(formatMoney(12000, he), /^\u200f?120\.00\s\u200f?₪$/);
    assert.equal(formatMoney(12000, en), '₪120.00');
    assert.equal(formatMoney('1999', en), '₪19.99');
  });

  it('writes nothing for an amount that is not a number', () => {
    for (const bad of [undefined, null, '', 'abc', {}, NaN, Infinity]) assert.equal(formatMoney(bad, he), '', String(bad));
  });

  it('writes instants in the business time zone, summer and winter', () => {
    // 16:00Z is 19:00 in Israel in summer (UTC+3), 17:00Z is 19:00 in winter (UTC+2).
    assert.equal(formatTime('2026-07-01T16:00:00Z', he), '19:00');
    assert.equal(formatTime('2026-01-15T17:00:00.000Z', he), '19:00');
    assert.equal(formatDate('2026-05-03T07:30:00.000Z', undefined, he), 'יום ראשון, 3 במאי 2026');
    assert.equal(formatDate('2026-05-03T07:30:00.000Z', undefined, en), 'Sunday, 3 May 2026');
    assert.equal(formatDate('2026-05-03T07:30:00.000Z', 'long', he), '3 במאי 2026');
    assert.equal(formatDate('2026-05-03T07:30:00.000Z', 'short', he), '3.5.2026');
    assert.equal(formatDate('2026-05-03T07:30:00.000Z', 'compact', he), 'יום א׳, 3.5');
    assert.equal(formatDateTime('2026-05-03T07:30:00.000Z', he), 'יום ראשון, 3 במאי 2026 בשעה 10:30');
    assert.equal(formatDateTime('2026-05-03T07:30:00.000Z', en), 'Sunday, 3 May 2026 at 10:30');
  });

  it('moves a late-evening UTC instant to the next day in Israel', () => {
    assert.equal(formatDate('2026-05-02T22:30:00Z', 'short', he), '3.5.2026');
    assert.equal(formatTime('2026-05-02T22:30:00Z', he), '01:30');
  });

  it('reads an offset-less date or date-time in the business zone, and takes Date objects', () => {
    assert.equal(formatDate('2026-05-03', 'short', he), '3.5.2026');
    assert.equal(formatTime('2026-05-03T10:30', he), '10:30');
    assert.equal(toInstant('2026-05-03T10:30', 'Asia/Jerusalem')?.toISOString(), '2026-05-03T07:30:00.000Z');
    assert.equal(formatTime(new Date('2026-05-03T07:30:00Z'), he), '10:30');
  });

  it('shows a value that is not a time as it is, and nothing for a missing one', () => {
    assert.equal(formatDate('tomorrow', undefined, he), 'tomorrow');
    assert.equal(formatDate('2026-02-30', undefined, he), '2026-02-30');
    assert.equal(formatTime(undefined, he), '');
    assert.equal(formatDate(null, 'short', he), '');
  });

  it('falls back to an unknown style’s default and to Israel for an unusable zone or currency', () => {
    assert.equal(formatDate('2026-05-03T07:30:00Z', 'no-such-style', he), 'יום ראשון, 3 במאי 2026');
    assert.deepEqual(messageFormatFor({ timezone: 'Mars/Olympus', currency: '??' }, MessageLocale.he), {
      locale: MessageLocale.he,
      timeZone: 'Asia/Jerusalem',
      currency: 'ILS',
    });
  });
});
