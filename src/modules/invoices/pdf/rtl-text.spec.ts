import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatMoney, isolateLtr } from './invoice-format';
import { isolateNegativeNumbers, visualRuns, visualString, wrapLogical } from './rtl-text';

/** Right to left reads the visual string backwards: write expectations in the eye's left-to-right order with this. */
const rev = (s: string): string => Array.from(s).reverse().join('');

describe('visualString (what the eye sees, left to right) in a right-to-left paragraph', () => {
  it('reverses pure Hebrew and keeps numbers, Latin words and dates left to right', () => {
    assert.equal(visualString('שלום עולם', 'rtl'), rev('שלום עולם'));
    assert.equal(visualString('מחיר 120 ש״ח', 'rtl'), `${rev('ש״ח')} 120 ${rev('מחיר')}`);
    assert.equal(visualString('מוצר Apple iPhone 15 חדש', 'rtl'), `${rev('חדש')} Apple iPhone 15 ${rev('מוצר')}`);
    assert.equal(visualString('תאריך: 14/06/2026', 'rtl'), `14/06/2026 :${rev('תאריך')}`);
    assert.equal(visualString('טל׳ 03-1234567', 'rtl'), `03-1234567 ${rev('טל׳')}`);
  });

  it('orders a mixed service line right to left with the numbers intact', () => {
    // Read right to left: תספורת, +, צבע, 2, ×, ₪120.
    assert.equal(visualString('תספורת + צבע 2 × ₪120', 'rtl'), `₪120 × 2 ${rev('צבע')} + ${rev('תספורת')}`);
    assert.equal(visualString('Wella Koleston 7/1', 'rtl'), 'Wella Koleston 7/1');
    assert.equal(visualString('צבע Wella Koleston 7/1', 'rtl'), `Wella Koleston 7/1 ${rev('צבע')}`);
  });

  it('mirrors brackets inside right-to-left text', () => {
    // Logical "(כולל מסכה)": the opening bracket is on the right, so it must look like "(" opening leftwards… drawn as "(" on the left edge of the reversed text.
    assert.equal(visualString('טיפול (כולל מסכה)', 'rtl'), `(${rev('כולל מסכה')}) ${rev('טיפול')}`);
    assert.equal(visualString('מע"מ (18%)', 'rtl'), `(18%) ${rev('מע"מ')}`);
  });

  it('puts ₪ left of the amount in the he-IL form and keeps the minus of a negative amount on the left of its digits', () => {
    assert.equal(visualString(`סה"כ: ${formatMoney(123450, 'ILS', 'he')}`, 'rtl'), `₪\u00a01,234.50 :${rev('סה"כ')}`);
    assert.equal(visualString(`סה"כ: ${formatMoney(-123450, 'ILS', 'he')}`, 'rtl'), `₪\u00a0-1,234.50 :${rev('סה"כ')}`);
    assert.equal(visualString(`הנחה ${isolateLtr('-10%')}`, 'rtl'), `-10% ${rev('הנחה')}`);
  });

  it('keeps the minus on the left of any negative number in typed text, and leaves hyphens alone', () => {
    // Left alone, the algorithm would draw "₪ 1,234.50-": the minus on the right of the digits.
    assert.equal(isolateNegativeNumbers('סה"כ: -1,234.50 ₪'), 'סה"כ: \u2066-1,234.50\u2069 ₪');
    assert.equal(visualString('סה"כ: -1,234.50 ₪', 'rtl'), `₪ -1,234.50 :${rev('סה"כ')}`);
    assert.equal(visualString('יתרה -50', 'rtl'), `-50 ${rev('יתרה')}`);
    assert.equal(visualString('הנחה -10% (מבצע)', 'rtl'), `(${rev('מבצע')}) -10% ${rev('הנחה')}`);
    assert.equal(visualString('זיכוי -₪20', 'rtl'), `-₪20 ${rev('זיכוי')}`);
    assert.equal(visualString('-1', 'rtl'), '-1');
    for (const unchanged of ['03-1234567', 'תל אביב-יפו', 'ח.פ. 51-555555-5', '2026-0042', 'Wella 7-1', 'א-3']) {
      assert.equal(isolateNegativeNumbers(unchanged), unchanged);
    }
  });

  it('never draws a directional control', () => {
    const line = `\u200fא\u200e ${formatMoney(-5, 'ILS', 'he')} \u202bב\u202c \u2067ג\u2069`;
    for (const run of visualRuns(line, 'rtl')) assert.doesNotMatch(run.text, /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/, run.text);
  });
});

describe('visualRuns (what PDFKit is given)', () => {
  it('hands Hebrew runs over in logical order, flagged for one fontkit run, and the rest in visual order', () => {
    assert.deepEqual(visualRuns('תספורת + צבע 2 × ₪120', 'rtl'), [
      { text: '₪120 × 2', rtl: false },
      { text: 'תספורת + צבע ', rtl: true },
    ]);
    assert.deepEqual(visualRuns('טיפול (כולל)', 'rtl'), [{ text: 'טיפול )כולל(', rtl: true }]);
    assert.deepEqual(visualRuns('', 'rtl'), []);
  });

  it('keeps Hebrew right to left inside an English paragraph', () => {
    assert.equal(visualString('Bill to: דנה כהן', 'ltr'), `Bill to: ${rev('דנה כהן')}`);
    assert.deepEqual(visualRuns('Bill to: דנה כהן (VIP)', 'ltr'), [
      { text: 'Bill to: ', rtl: false },
      { text: 'דנה כהן', rtl: true },
      { text: ' (VIP)', rtl: false },
    ]);
    assert.equal(visualString('Total: -₪1,234.50', 'ltr'), 'Total: -₪1,234.50');
  });
});

describe('wrapLogical', () => {
  const measure = (s: string): number => Array.from(s).length;

  it('wraps in logical order: the first words stay on the first line', () => {
    assert.deepEqual(wrapLogical('אחת שתיים שלוש ארבע', 10, measure), ['אחת שתיים', 'שלוש ארבע']);
  });

  it('keeps explicit line breaks and cuts a word longer than a line', () => {
    assert.deepEqual(wrapLogical('שורה\nאבגדהוזחטי', 4, measure), ['שורה', 'אבגד', 'הוזח', 'טי']);
    assert.deepEqual(wrapLogical('', 10, measure), ['']);
  });

  it('never breaks between an amount and its currency sign', () => {
    assert.deepEqual(wrapLogical(`סכום ${formatMoney(123450, 'ILS', 'he')}`, 12, measure), ['סכום', formatMoney(123450, 'ILS', 'he')]);
  });
});
