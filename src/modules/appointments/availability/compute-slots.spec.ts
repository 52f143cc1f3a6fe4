import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import type { WeeklyRange } from '../../calendars/schedule';
import { computeSlots, mergeBusy, overlapsBusy, SlotQuery, SlotRules } from './compute-slots';

const TLV = 'Asia/Jerusalem';
const local = (iso: string, zone = TLV) => DateTime.fromISO(iso, { zone }).toJSDate();
const labels = (slots: Date[], zone = TLV) => slots.map((d) => DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mmZZ"));
const everyDay = (start: string, end: string): WeeklyRange[] => [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start, end }));

type QueryInput = Partial<Omit<SlotQuery, 'rules'>> & Pick<SlotQuery, 'from' | 'to'> & { rules?: Partial<SlotRules> };

function query(overrides: QueryInput): SlotQuery {
  return {
    weekly: everyDay('09:00', '12:00'),
    overrides: [],
    durationMinutes: 60,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    busy: [],
    now: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
    rules: { timeZone: TLV, slotIntervalMinutes: 30, minimumNoticeMinutes: 0, bookingWindowDays: 365, ...overrides.rules },
  };
}

/** The local date on which the zone's UTC offset changes, found with luxon rather than assumed. */
function transitionDay(zone: string, year: number, month: number): string {
  let t = DateTime.fromObject({ year, month, day: 1 }, { zone });
  const end = t.plus({ months: 1 });
  for (; t < end; t = t.plus({ hours: 1 })) {
    if (t.plus({ hours: 1 }).offset !== t.offset) return t.plus({ hours: 1 }).toISODate()!;
  }
  throw new Error(`no offset change in ${zone} ${year}-${month}`);
}

describe('computeSlots', () => {
  it('offers every interval of a normal day that fits the duration', () => {
    const day = '2026-05-03'; // a Sunday (יום ראשון)
    const slots = computeSlots(
      query({ weekly: [{ weekday: 0, start: '09:00', end: '12:00' }], from: local(`${day}T00:00`), to: local(`${day}T23:59`) }),
    );
    assert.deepEqual(
      labels(slots),
      ['09:00', '09:30', '10:00', '10:30', '11:00'].map((h) => `${day}T${h}+03:00`),
    );
    assert.equal(slots[0].toISOString(), '2026-05-03T06:00:00.000Z');
  });

  it('uses an override instead of the weekly hours, and an empty override is a day off', () => {
    const q = query({
      overrides: [
        { date: '2026-05-03', ranges: [{ start: '14:00', end: '16:00' }] },
        { date: '2026-05-04', ranges: [] },
      ],
      from: local('2026-05-03T00:00'),
      to: local('2026-05-06T00:00'),
    });
    const byDay: Record<string, string[]> = {};
    for (const l of labels(computeSlots(q))) (byDay[l.slice(0, 10)] ??= []).push(l);
    assert.deepEqual(
      byDay['2026-05-03'],
      ['14:00', '14:30', '15:00'].map((h) => `2026-05-03T${h}+03:00`),
    );
    assert.equal(byDay['2026-05-04'], undefined);
    assert.equal(byDay['2026-05-05']?.length, 5);
  });

  it('keeps the buffers clear of existing appointments but lets them reach outside working hours', () => {
    const day = '2026-05-03';
    const base = {
      weekly: [{ weekday: 0, start: '09:00', end: '13:00' }],
      from: local(`${day}T00:00`),
      to: local(`${day}T23:59`),
      bufferBeforeMinutes: 15,
      bufferAfterMinutes: 15,
    };
    const free = computeSlots(query({ ...base, rules: { slotIntervalMinutes: 15 } }));
    assert.equal(labels(free)[0], `${day}T09:00+03:00`, 'the 08:45 buffer before opening is allowed');
    const busy = [{ from: local(`${day}T10:00`).getTime(), to: local(`${day}T11:00`).getTime() }];
    const slots = computeSlots(query({ ...base, busy, rules: { slotIntervalMinutes: 15 } }));
    // [start-15, start+60+15) must miss 10:00-11:00: nothing fits before (needs start <= 08:45), first after is 11:15.
    assert.deepEqual(
      labels(slots),
      ['11:15', '11:30', '11:45', '12:00'].map((h) => `${day}T${h}+03:00`),
    );
  });

  it('respects the minimum notice and stays on the interval grid', () => {
    const day = '2026-05-03';
    const slots = computeSlots(
      query({ now: local(`${day}T09:10`), from: local(`${day}T00:00`), to: local(`${day}T23:59`), rules: { minimumNoticeMinutes: 60 } }),
    );
    assert.deepEqual(
      labels(slots),
      ['10:30', '11:00'].map((h) => `${day}T${h}+03:00`),
    );
  });

  it('closes at the end of the local day bookingWindowDays ahead', () => {
    const slots = computeSlots(
      query({
        weekly: everyDay('11:00', '12:00'),
        now: local('2026-05-01T10:00'),
        from: local('2026-05-01T00:00'),
        to: local('2026-05-10T00:00'),
        rules: { bookingWindowDays: 2 },
      }),
    );
    assert.deepEqual(labels(slots), ['2026-05-01T11:00+03:00', '2026-05-02T11:00+03:00', '2026-05-03T11:00+03:00']);
  });

  it('is right on the spring-forward day in Asia/Jerusalem', () => {
    const day = transitionDay(TLV, 2026, 3);
    const before = DateTime.fromISO(day, { zone: TLV }).minus({ days: 1 });
    assert.equal(before.offset, 120);
    assert.equal(DateTime.fromISO(`${day}T12:00`, { zone: TLV }).offset, 180);
    const weekday = DateTime.fromISO(day, { zone: TLV }).weekday % 7;
    const night = computeSlots(
      query({
        weekly: [{ weekday, start: '00:00', end: '06:00' }],
        rules: { slotIntervalMinutes: 60 },
        from: local(`${day}T00:00`),
        to: local(`${day}T23:00`),
      }),
    );
    // 02:00 does not exist: the night has five real hours, each slot one real hour after the last.
    assert.deepEqual(labels(night), [
      `${day}T00:00+02:00`,
      `${day}T01:00+02:00`,
      `${day}T03:00+03:00`,
      `${day}T04:00+03:00`,
      `${day}T05:00+03:00`,
    ]);
    for (let i = 1; i < night.length; i++) assert.equal(night[i].getTime() - night[i - 1].getTime(), 3_600_000);
    const morning = computeSlots(query({ weekly: everyDay('09:00', '10:00'), from: before.toJSDate(), to: local(`${day}T23:00`) }));
    assert.deepEqual(
      morning.map((d) => d.toISOString()),
      [`${before.toISODate()}T07:00:00.000Z`, `${day}T06:00:00.000Z`],
    );
  });

  it('is right on the fall-back day in Asia/Jerusalem', () => {
    const day = transitionDay(TLV, 2026, 10);
    assert.equal(DateTime.fromISO(`${day}T00:30`, { zone: TLV }).offset, 180);
    assert.equal(DateTime.fromISO(`${day}T12:00`, { zone: TLV }).offset, 120);
    const weekday = DateTime.fromISO(day, { zone: TLV }).weekday % 7;
    const night = computeSlots(
      query({
        weekly: [{ weekday, start: '00:00', end: '06:00' }],
        rules: { slotIntervalMinutes: 60 },
        from: local(`${day}T00:00`),
        to: local(`${day}T23:00`),
      }),
    );
    // 01:00 happens twice: the night has seven real hours.
    assert.equal(night.length, 7);
    assert.deepEqual(labels(night).slice(1, 3), [`${day}T01:00+03:00`, `${day}T01:00+02:00`]);
    const next = DateTime.fromISO(day, { zone: TLV }).plus({ days: 1 });
    const morning = computeSlots(
      query({ weekly: everyDay('09:00', '10:00'), from: local(`${day}T00:00`), to: next.endOf('day').toJSDate() }),
    );
    assert.deepEqual(
      morning.map((d) => d.toISOString()),
      [`${day}T07:00:00.000Z`, `${next.toISODate()}T07:00:00.000Z`],
    );
  });

  it('reads working hours in the business time zone when it is not Israel', () => {
    const NY = 'America/New_York';
    const usSpring = transitionDay(NY, 2026, 3);
    const q = (from: string, to: string) =>
      computeSlots(query({ weekly: everyDay('09:00', '10:00'), rules: { timeZone: NY }, from: local(from, NY), to: local(to, NY) }));
    const around = q(
      DateTime.fromISO(usSpring).minus({ days: 1 }).toISODate()!,
      DateTime.fromISO(usSpring).plus({ days: 1 }).toISODate()! + 'T23:00',
    );
    assert.deepEqual(
      labels(around, NY).map((l) => l.slice(11)),
      ['09:00-05:00', '09:00-04:00', '09:00-04:00'],
    );
    assert.deepEqual(
      around.map((d) => d.toISOString().slice(11, 16)),
      ['14:00', '13:00', '13:00'],
    );
    // The same weekly hours in Jerusalem are a different instant.
    const tlv = computeSlots(query({ weekly: everyDay('09:00', '10:00'), from: local('2026-05-03T00:00'), to: local('2026-05-03T23:00') }));
    const ny = computeSlots(
      query({
        weekly: everyDay('09:00', '10:00'),
        rules: { timeZone: NY },
        from: local('2026-05-03T00:00', NY),
        to: local('2026-05-03T23:00', NY),
      }),
    );
    assert.deepEqual([tlv[0].toISOString(), ny[0].toISOString()], ['2026-05-03T06:00:00.000Z', '2026-05-03T13:00:00.000Z']);
  });
});

describe('busy ranges', () => {
  it('merge and answer overlap questions with half-open ranges', () => {
    const merged = mergeBusy([
      { from: 50, to: 60 },
      { from: 10, to: 20 },
      { from: 15, to: 30 },
      { from: 30, to: 40 },
    ]);
    assert.deepEqual(merged, [
      { from: 10, to: 40 },
      { from: 50, to: 60 },
    ]);
    assert.equal(overlapsBusy(merged, 40, 50), false, 'touching ends do not overlap');
    assert.equal(overlapsBusy(merged, 0, 10), false);
    assert.equal(overlapsBusy(merged, 39, 41), true);
    assert.equal(overlapsBusy(merged, 45, 55), true);
    assert.equal(overlapsBusy(merged, 60, 70), false);
  });
});
