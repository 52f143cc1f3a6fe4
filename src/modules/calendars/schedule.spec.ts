import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scheduleErrors } from './schedule';

describe('scheduleErrors', () => {
  it('accepts split days, 24:00 ends and day-off overrides', () => {
    const errors = scheduleErrors({
      weekly: [
        { weekday: 0, start: '09:00', end: '13:00' },
        { weekday: 0, start: '16:00', end: '24:00' },
        { weekday: 1, start: '09:00', end: '13:00' },
      ],
      overrides: [
        { date: '2026-04-02', ranges: [] },
        { date: '2026-04-03', ranges: [{ start: '10:00', end: '12:00' }] },
      ],
    });
    assert.deepEqual(errors, []);
  });

  it('names the field of an inverted range, an overlap, a repeated or impossible date', () => {
    const errors = scheduleErrors({
      weekly: [
        { weekday: 2, start: '09:00', end: '13:00' },
        { weekday: 3, start: '12:00', end: '11:00' },
        { weekday: 2, start: '12:30', end: '14:00' },
      ],
      overrides: [
        { date: '2026-02-30', ranges: [] },
        { date: '2026-05-01', ranges: [{ start: '24:00', end: '24:00' }] },
        { date: '2026-05-01', ranges: [] },
      ],
    });
    assert.deepEqual(
      errors.map((e) => e.field),
      ['weekly.2.start', 'weekly.1.end', 'overrides.0.date', 'overrides.1.ranges.0.start', 'overrides.2.date'],
    );
  });
});
