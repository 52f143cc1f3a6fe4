import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bucketDates, parseDateOrDateTime } from './reporting-period';

const TLV = 'Asia/Jerusalem';

describe('parseDateOrDateTime', () => {
  it('reads a date as the start of that day in the zone, and a date-time as parseZonedDateTime does', () => {
    assert.equal(parseDateOrDateTime('2026-11-01', TLV)?.toISOString(), '2026-10-31T22:00:00.000Z');
    assert.equal(parseDateOrDateTime('2026-07-01', TLV)?.toISOString(), '2026-06-30T21:00:00.000Z');
    assert.equal(parseDateOrDateTime('2026-11-01T08:00', TLV)?.toISOString(), '2026-11-01T06:00:00.000Z');
    assert.equal(parseDateOrDateTime('2026-11-01T08:00:00Z', TLV)?.toISOString(), '2026-11-01T08:00:00.000Z');
  });

  it('refuses days that do not exist and other text', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-01', '20261101', 'yesterday', '2026-11-01T25:00', ''])
      assert.equal(parseDateOrDateTime(bad, TLV), null, bad);
  });
});

describe('bucketDates', () => {
  it('lists every local day of the period, across the end of daylight saving', () => {
    const from = parseDateOrDateTime('2026-10-24', TLV)!;
    const to = parseDateOrDateTime('2026-10-27', TLV)!;
    assert.deepEqual(bucketDates({ from, to, granularity: 'day', timeZone: TLV }), ['2026-10-24', '2026-10-25', '2026-10-26']);
  });

  it('starts with the day or month `from` falls in and ends with the one holding the last instant before `to`', () => {
    const from = parseDateOrDateTime('2026-10-15T12:00', TLV)!;
    const to = parseDateOrDateTime('2027-01-01', TLV)!;
    assert.deepEqual(bucketDates({ from, to, granularity: 'month', timeZone: TLV }), ['2026-10-01', '2026-11-01', '2026-12-01']);
    const toNoon = parseDateOrDateTime('2026-10-17T00:00:01', TLV)!;
    assert.deepEqual(bucketDates({ from, to: toNoon, granularity: 'day', timeZone: TLV }), ['2026-10-15', '2026-10-16', '2026-10-17']);
  });
});
