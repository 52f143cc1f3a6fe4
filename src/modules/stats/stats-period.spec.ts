import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppException } from '../../common/problem/app.exception';
import { resolvePeriod } from './stats-period';

const TLV = 'Asia/Jerusalem';
const NOW = new Date('2026-11-28T20:00:00Z');
const iso = (p: { from: Date; to: Date }) => [p.from.toISOString(), p.to.toISOString()];

/** The field paths and code of the 400 `fn` throws. */
function refusal(fn: () => unknown): { code: string; fields: string[] } {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof AppException);
    assert.equal(err.status, 400);
    return { code: err.code, fields: (err.errors ?? []).map((e) => e.field) };
  }
  assert.fail('expected a refusal');
}

describe('resolvePeriod', () => {
  it('defaults to the current month in the business time zone, by day', () => {
    const p = resolvePeriod({}, TLV, NOW);
    assert.deepEqual(iso(p), ['2026-10-31T22:00:00.000Z', '2026-11-30T22:00:00.000Z']);
    assert.equal(p.granularity, 'day');
    assert.equal(p.timeZone, TLV);
    // 23:30 on Nov 30 in Jerusalem is already December there.
    assert.deepEqual(iso(resolvePeriod({}, TLV, new Date('2026-11-30T22:30:00Z'))), [
      '2026-11-30T22:00:00.000Z',
      '2026-12-31T22:00:00.000Z',
    ]);
  });

  it('completes a lone from with the end of its month, a lone to with the start of its month', () => {
    assert.deepEqual(iso(resolvePeriod({ from: '2026-10-10' }, TLV, NOW)), ['2026-10-09T21:00:00.000Z', '2026-10-31T22:00:00.000Z']);
    assert.deepEqual(iso(resolvePeriod({ to: '2026-10-10' }, TLV, NOW)), ['2026-09-30T21:00:00.000Z', '2026-10-09T21:00:00.000Z']);
    assert.deepEqual(iso(resolvePeriod({ to: '2026-11-01' }, TLV, NOW)), ['2026-09-30T21:00:00.000Z', '2026-10-31T22:00:00.000Z']);
  });

  it('takes date-times with an offset as instants and without one in the business time zone', () => {
    const p = resolvePeriod({ from: '2026-11-01T08:00', to: '2026-11-02T08:00:00+00:00' }, TLV, NOW);
    assert.deepEqual(iso(p), ['2026-11-01T06:00:00.000Z', '2026-11-02T08:00:00.000Z']);
  });

  it('refuses to before or at from, naming to', () => {
    assert.deepEqual(
      refusal(() => resolvePeriod({ from: '2026-11-02', to: '2026-11-01' }, TLV, NOW)),
      { code: 'stats.invalid_period', fields: ['to'] },
    );
    assert.deepEqual(refusal(() => resolvePeriod({ from: '2026-11-01', to: '2026-11-01' }, TLV, NOW)).fields, ['to']);
  });

  it('allows 366 days by day and 10 years by month, not more', () => {
    assert.ok(resolvePeriod({ from: '2027-01-01', to: '2028-01-02', granularity: 'day' }, TLV, NOW));
    assert.deepEqual(refusal(() => resolvePeriod({ from: '2027-01-01', to: '2028-01-03', granularity: 'day' }, TLV, NOW)).fields, ['to']);
    assert.ok(resolvePeriod({ from: '2020-01-01', to: '2030-01-01', granularity: 'month' }, TLV, NOW));
    assert.deepEqual(
      refusal(() => resolvePeriod({ from: '2020-01-01', to: '2030-01-01T00:00:01', granularity: 'month' }, TLV, NOW)).fields,
      ['to'],
    );
  });
});
