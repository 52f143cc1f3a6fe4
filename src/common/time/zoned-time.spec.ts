import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseZonedDateTime, toZonedIso } from './zoned-time';

describe('parseZonedDateTime', () => {
  it('reads offset-less input as wall-clock time in the zone, across daylight saving', () => {
    assert.equal(parseZonedDateTime('2026-07-01T19:00', 'Asia/Jerusalem')?.toISOString(), '2026-07-01T16:00:00.000Z');
    assert.equal(parseZonedDateTime('2026-01-15T19:00:00', 'Asia/Jerusalem')?.toISOString(), '2026-01-15T17:00:00.000Z');
  });

  it('keeps the instant when an offset or Z is given, whatever the zone', () => {
    assert.equal(parseZonedDateTime('2026-07-01T19:00:00+03:00', 'America/New_York')?.toISOString(), '2026-07-01T16:00:00.000Z');
    assert.equal(parseZonedDateTime('2026-07-01T16:00:00.000Z', 'Asia/Jerusalem')?.toISOString(), '2026-07-01T16:00:00.000Z');
  });

  it('refuses dates that do not exist and other formats', () => {
    for (const bad of ['2026-02-30T10:00', '2026-07-01', '01/07/2026 19:00', '2026-07-01T25:00', 'tomorrow']) {
      assert.equal(parseZonedDateTime(bad, 'Asia/Jerusalem'), null, bad);
    }
  });

  it('formats an instant in the zone with its offset', () => {
    assert.equal(toZonedIso(new Date('2026-07-01T16:00:00Z'), 'Asia/Jerusalem'), '2026-07-01T19:00:00.000+03:00');
  });
});
