import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ICAL from 'ical.js';
import { buildIcs, foldLine, icsText } from './ics-writer';

describe('ics writer', () => {
  it('folds at 75 octets without splitting a Hebrew character', () => {
    const line = `SUMMARY:${'תספורת גברים ועיצוב זקן '.repeat(6)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    assert.ok(physical.length > 1);
    for (const p of physical) assert.ok(Buffer.byteLength(p, 'utf8') <= 75, `${Buffer.byteLength(p, 'utf8')} octets`);
    assert.ok(physical.slice(1).every((p) => p.startsWith(' ')));
    assert.equal(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join(''), line);
    assert.ok(!folded.includes('\uFFFD'));
  });

  it('escapes TEXT values', () => {
    assert.equal(icsText('a,b;c\\d\nשורה'), 'a\\,b\\;c\\\\d\\nשורה');
  });

  it('writes a calendar that ical.js parses back, with CRLF endings', () => {
    const text = buildIcs({
      name: 'יומן של דנה',
      timeZone: 'Asia/Jerusalem',
      events: [
        {
          uid: 'a1@chatgrow',
          start: new Date('2026-03-27T07:00:00Z'),
          end: new Date('2026-03-27T07:45:00Z'),
          stamp: new Date('2026-03-01T10:00:00Z'),
          summary: 'תספורת גברים – יוסי כהן, לקוח ותיק; הערה ארוכה מאוד שצריכה קיפול שורות',
          description: 'טלפון: +972501234567\nהערות: בלי מכונה',
          status: 'CONFIRMED',
        },
      ],
    });
    assert.ok(text.endsWith('\r\n'));
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'no bare LF');
    const vcal = new ICAL.Component(ICAL.parse(text));
    assert.equal(vcal.getFirstPropertyValue('x-wr-calname'), 'יומן של דנה');
    const [vevent] = vcal.getAllSubcomponents('vevent');
    const event = new ICAL.Event(vevent);
    assert.equal(event.uid, 'a1@chatgrow');
    assert.equal(event.summary, 'תספורת גברים – יוסי כהן, לקוח ותיק; הערה ארוכה מאוד שצריכה קיפול שורות');
    assert.equal(event.description, 'טלפון: +972501234567\nהערות: בלי מכונה');
    assert.equal(event.startDate.toJSDate().toISOString(), '2026-03-27T07:00:00.000Z');
    assert.equal(event.endDate.toJSDate().toISOString(), '2026-03-27T07:45:00.000Z');
  });
});
