import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_ALLOCATION_THRESHOLDS, parseThresholds, thresholdOn } from './allocation-thresholds';
import { printedAllocationNumber } from './allocation.port';

describe('allocation thresholds by date', () => {
  const table = parseThresholds(DEFAULT_ALLOCATION_THRESHOLDS);
  const on = (date: string) => thresholdOn(table, date)?.amountAgorot ?? null;

  it('follow the published schedule: 25,000 / 20,000 / 10,000 / 5,000 ₪', () => {
    assert.equal(on('2024-05-04'), null);
    assert.equal(on('2024-05-05'), 2_500_000);
    assert.equal(on('2024-12-31'), 2_500_000);
    assert.equal(on('2025-01-01'), 2_000_000);
    assert.equal(on('2025-12-31'), 2_000_000);
    assert.equal(on('2026-01-01'), 1_000_000);
    assert.equal(on('2026-05-31'), 1_000_000);
    assert.equal(on('2026-06-01'), 500_000);
    assert.equal(on('2027-03-01'), 500_000);
  });

  it('read in any order, and refuse what is not a dated list', () => {
    assert.deepEqual(parseThresholds('2026-06-01:5000,2026-01-01:10000'), [
      { from: '2026-01-01', amountAgorot: 1_000_000 },
      { from: '2026-06-01', amountAgorot: 500_000 },
    ]);
    assert.throws(() => parseThresholds('5000'));
  });

  it('print the 9 right-most digits of the confirmation number', () => {
    assert.equal(printedAllocationNumber('12345678901234567890123456'), '890123456');
    assert.equal(printedAllocationNumber('123'), '123');
  });
});
