import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeTotals, divRound, formatQuantity, formatRate, type LineInput, parseQuantity, TotalsError } from './invoice-totals';

const NET = { vatRateBp: 1800, pricesIncludeVat: false, vatApplies: true };
const GROSS = { ...NET, pricesIncludeVat: true };
const EXEMPT = { ...NET, vatApplies: false };

const line = (quantity: string, unitPriceAgorot: number, discountAgorot = 0): LineInput => ({ quantity, unitPriceAgorot, discountAgorot });

describe('document totals (integer agorot, VAT once per document, half away from zero)', () => {
  const cases: {
    name: string;
    lines: LineInput[];
    opts: typeof NET;
    lineTotals: number[];
    subtotal: number;
    vat: number;
    total: number;
  }[] = [
    {
      name: 'one line before VAT',
      lines: [line('1', 10_000)],
      opts: NET,
      lineTotals: [10_000],
      subtotal: 10_000,
      vat: 1_800,
      total: 11_800,
    },
    {
      name: 'fractional quantities: 2.5 × 12.34 ₪ exactly, 0.125 × 9.99 ₪ = 124.875 agorot → 125',
      lines: [line('2.5', 1_234), line('0.125', 999)],
      opts: NET,
      lineTotals: [3_085, 125],
      subtotal: 3_210,
      vat: 578,
      total: 3_788,
    },
    {
      name: 'half an agora on a line rounds away from zero: 0.005 × 1 ₪',
      lines: [line('0.005', 100)],
      opts: NET,
      lineTotals: [1],
      subtotal: 1,
      vat: 0,
      total: 1,
    },
    {
      name: 'a line discount comes off the line before VAT',
      lines: [line('3', 5_000, 1_500)],
      opts: NET,
      lineTotals: [13_500],
      subtotal: 13_500,
      vat: 2_430,
      total: 15_930,
    },
    {
      name: 'VAT of exactly half an agora rounds up (0.25 ₪ × 18 % = 4.5 agorot → 5)',
      lines: [line('1', 25)],
      opts: NET,
      lineTotals: [25],
      subtotal: 25,
      vat: 5,
      total: 30,
    },
    {
      name: 'VAT once on the document, not per line (3 × 4.5 agorot would be 15; on 75 it is 13.5 → 14)',
      lines: [line('1', 25), line('1', 25), line('1', 25)],
      opts: NET,
      lineTotals: [25, 25, 25],
      subtotal: 75,
      vat: 14,
      total: 89,
    },
    {
      name: 'VAT-inclusive entry: 118 ₪ holds 18 ₪ VAT',
      lines: [line('1', 11_800)],
      opts: GROSS,
      lineTotals: [11_800],
      subtotal: 10_000,
      vat: 1_800,
      total: 11_800,
    },
    {
      name: 'VAT-inclusive entry with agorot rounding: 1 ₪ holds 15.25 agorot → 15',
      lines: [line('1', 100)],
      opts: GROSS,
      lineTotals: [100],
      subtotal: 85,
      vat: 15,
      total: 100,
    },
    {
      name: 'VAT-inclusive, fractional quantity and discount: 1.5 × 99.90 ₪ − 10 ₪ = 139.85 ₪',
      lines: [line('1.5', 9_990, 1_000)],
      opts: GROSS,
      lineTotals: [13_985],
      subtotal: 11_852,
      vat: 2_133,
      total: 13_985,
    },
    {
      name: 'an exempt business shows no VAT, whatever the entry mode',
      lines: [line('2', 5_000)],
      opts: { ...EXEMPT, pricesIncludeVat: true },
      lineTotals: [10_000],
      subtotal: 10_000,
      vat: 0,
      total: 10_000,
    },
    {
      name: 'a 0 ₪ line (a gift) is a line like any other',
      lines: [line('1', 10_000), line('1', 0)],
      opts: NET,
      lineTotals: [10_000, 0],
      subtotal: 10_000,
      vat: 1_800,
      total: 11_800,
    },
    {
      name: 'a document of only 0 ₪ lines',
      lines: [line('3', 0)],
      opts: NET,
      lineTotals: [0],
      subtotal: 0,
      vat: 0,
      total: 0,
    },
    {
      name: 'a credit note for a 17 % invoice keeps 17 %',
      lines: [line('1', 10_000)],
      opts: { ...NET, vatRateBp: 1_700 },
      lineTotals: [10_000],
      subtotal: 10_000,
      vat: 1_700,
      total: 11_700,
    },
    {
      name: 'a quantity of 1.333 of one agora is one agora',
      lines: [line('1.333', 1)],
      opts: EXEMPT,
      lineTotals: [1],
      subtotal: 1,
      vat: 0,
      total: 1,
    },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const t = computeTotals(c.lines, c.opts);
      assert.deepEqual(
        t.lines.map((l) => l.totalAgorot),
        c.lineTotals,
      );
      assert.deepEqual(
        { subtotal: t.subtotalAgorot, vat: t.vatAgorot, total: t.totalAgorot },
        { subtotal: c.subtotal, vat: c.vat, total: c.total },
      );
      assert.equal(t.subtotalAgorot + t.vatAgorot, t.totalAgorot, 'net + VAT = total exactly');
    });
  }

  it('refuses a discount larger than its line, naming the line', () => {
    assert.throws(
      () => computeTotals([line('1', 100), line('1', 100, 101)], NET),
      (err: unknown) => err instanceof TotalsError && err.field === 'lines.1.discountAgorot',
    );
  });

  it('refuses a total beyond 10 billion ₪', () => {
    assert.throws(
      () => computeTotals([line('1000', 2_000_000_000)], NET),
      (err: unknown) => err instanceof TotalsError,
    );
  });

  it('reads quantities with at most 3 decimals, exactly', () => {
    assert.equal(parseQuantity('1'), 1_000);
    assert.equal(parseQuantity('2.5'), 2_500);
    assert.equal(parseQuantity('0.125'), 125);
    assert.equal(parseQuantity('0.1'), 100);
    assert.equal(parseQuantity('1234567.999'), 1_234_567_999);
    for (const bad of ['1.2345', '-1', '01', '1e3', '', '.5', '1.', 'NaN', '12345678']) assert.equal(parseQuantity(bad), undefined, bad);
    assert.equal(formatQuantity(2_500), '2.5');
    assert.equal(formatQuantity(125), '0.125');
    assert.equal(formatQuantity(3_000), '3');
  });

  it('rounds half away from zero in both directions', () => {
    assert.equal(divRound(45n, 10n), 5n);
    assert.equal(divRound(44n, 10n), 4n);
    assert.equal(divRound(-45n, 10n), -5n);
    assert.equal(divRound(-44n, 10n), -4n);
    assert.equal(divRound(0n, 7n), 0n);
  });

  it('prints rates as percentages', () => {
    assert.equal(formatRate(1_800), '18');
    assert.equal(formatRate(1_750), '17.5');
    assert.equal(formatRate(5), '0.05');
  });
});
