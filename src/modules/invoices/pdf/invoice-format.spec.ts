import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDate, formatMoney, plainText } from './invoice-format';

describe('formatMoney', () => {
  it('prints agorot in the he-IL form, number then ₪, with the signed number isolated left to right', () => {
    assert.equal(formatMoney(123450, 'ILS', 'he'), '\u20661,234.50\u2069\u00a0₪');
    assert.equal(plainText(formatMoney(123450, 'ILS', 'he')), '1,234.50\u00a0₪');
    assert.equal(plainText(formatMoney(-123450, 'ILS', 'he')), '-1,234.50\u00a0₪');
    assert.equal(plainText(formatMoney(0, 'ILS', 'he')), '0.00\u00a0₪');
    assert.equal(plainText(formatMoney(5, 'ILS', 'he')), '0.05\u00a0₪');
    assert.equal(plainText(formatMoney(123456789012, 'ILS', 'he')), '1,234,567,890.12\u00a0₪');
  });

  it('prints the en-IL form for English documents', () => {
    assert.equal(formatMoney(123450, 'ILS', 'en'), '₪1,234.50');
    assert.equal(formatMoney(-123450, 'ILS', 'en'), '-₪1,234.50');
    assert.equal(formatMoney(999, 'EUR', 'en'), '€9.99');
  });

  it('refuses a fraction of an agora', () => {
    assert.throws(() => formatMoney(10.5, 'ILS', 'he'), RangeError);
    assert.throws(() => formatMoney(Number.NaN, 'ILS', 'he'), RangeError);
  });
});

describe('formatDate', () => {
  it('prints DD/MM/YYYY', () => {
    assert.equal(formatDate('2026-06-14'), '14/06/2026');
    assert.equal(formatDate('2026-01-01'), '01/01/2026');
    assert.equal(formatDate('14.06.2026'), '14.06.2026');
  });
});
