import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { afterQuietHours } from './quiet-hours';

const ZONE = 'Asia/Jerusalem';
const WINDOWS = { quietFrom: '22:00', quietTo: '08:00', shabbatFrom: '14:00', shabbatTo: '20:00' };
const local = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
const shown = (d: Date) => DateTime.fromJSDate(d, { zone: ZONE }).toFormat('ccc yyyy-MM-dd HH:mm');

describe('quiet hours for marketing SMS', () => {
  it('lets a message outside every window go at once', () => {
    assert.equal(shown(afterQuietHours(local('2026-12-01T12:00'), ZONE, WINDOWS)), 'Tue 2026-12-01 12:00');
  });

  it('holds a message due at night until the morning, on either side of midnight', () => {
    assert.equal(shown(afterQuietHours(local('2026-12-01T23:30'), ZONE, WINDOWS)), 'Wed 2026-12-02 08:00');
    assert.equal(shown(afterQuietHours(local('2026-12-02T03:10'), ZONE, WINDOWS)), 'Wed 2026-12-02 08:00');
    assert.equal(shown(afterQuietHours(local('2026-12-02T08:00'), ZONE, WINDOWS)), 'Wed 2026-12-02 08:00');
  });

  it('holds a message due from Friday afternoon until Saturday night', () => {
    assert.equal(shown(afterQuietHours(local('2026-12-04T15:00'), ZONE, WINDOWS)), 'Sat 2026-12-05 20:00');
    assert.equal(shown(afterQuietHours(local('2026-12-05T11:00'), ZONE, WINDOWS)), 'Sat 2026-12-05 20:00');
    assert.equal(shown(afterQuietHours(local('2026-12-04T13:59'), ZONE, WINDOWS)), 'Fri 2026-12-04 13:59');
  });

  it('follows touching windows to their common end, and honours no Shabbat window', () => {
    const lateShabbat = { ...WINDOWS, shabbatTo: '23:00' };
    assert.equal(shown(afterQuietHours(local('2026-12-05T12:00'), ZONE, lateShabbat)), 'Sun 2026-12-06 08:00');
    const noShabbat = { ...WINDOWS, shabbatFrom: null, shabbatTo: null };
    assert.equal(shown(afterQuietHours(local('2026-12-04T15:00'), ZONE, noShabbat)), 'Fri 2026-12-04 15:00');
  });

  it('keeps the wall clock across the daylight-saving change', () => {
    // Israel moves to summer time on Friday 2027-03-26 at 02:00.
    assert.equal(shown(afterQuietHours(local('2027-03-26T01:00'), ZONE, WINDOWS)), 'Fri 2027-03-26 08:00');
  });
});
