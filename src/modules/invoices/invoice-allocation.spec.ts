import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allocationItems } from './invoice-allocation.service';

const line = (totalAgorot: number, unitPriceAgorot = totalAgorot, discountAgorot = 0) => ({
  description: 'x',
  quantity: '1',
  unitPriceAgorot,
  discountAgorot,
  totalAgorot,
});

describe('the items sent for an allocation number', () => {
  it('share the document VAT so that the shares add up to it exactly', () => {
    const items = allocationItems([line(25), line(25), line(25)], 14, false, 1800);
    assert.deepEqual(
      items.map((i) => i.vatAgorot),
      [5, 5, 4],
    );
    assert.equal(
      items.reduce((s, i) => s + i.vatAgorot, 0),
      14,
    );
  });

  it('are amounts before VAT when prices include VAT', () => {
    const items = allocationItems([line(11_800), line(5_900)], 2_700, true, 1800);
    assert.deepEqual(
      items.map((i) => [i.totalAgorot, i.vatAgorot, i.unitPriceAgorot]),
      [
        [10_000, 1_800, 10_000],
        [5_000, 900, 5_000],
      ],
    );
  });

  it('handle a document of 0 ₪ lines', () => {
    assert.deepEqual(
      allocationItems([line(0)], 0, false, 1800).map((i) => i.vatAgorot),
      [0],
    );
  });
});
