import { DateTime } from 'luxon';
import type { DateOverride, TimeRange, WeeklyRange } from '../../calendars/schedule';

/** A busy stretch of a calendar in epoch milliseconds, half-open [from, to). */
export interface BusyRange {
  from: number;
  to: number;
}

export interface SlotRules {
  timeZone: string;
  slotIntervalMinutes: number;
  minimumNoticeMinutes: number;
  bookingWindowDays: number;
}

export interface SlotQuery {
  weekly: WeeklyRange[];
  overrides: DateOverride[];
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** Existing appointments' blocked ranges (their buffers included). Any order, may overlap. */
  busy: BusyRange[];
  /** Start times are searched in [from, to). */
  from: Date;
  to: Date;
  now: Date;
  rules: SlotRules;
}

const MINUTE = 60_000;

/** Sorts and merges busy ranges so one binary search answers "does this overlap anything?". */
export function mergeBusy(busy: BusyRange[]): BusyRange[] {
  const sorted = busy.filter((b) => b.to > b.from).sort((a, b) => a.from - b.from);
  const out: BusyRange[] = [];
  for (const b of sorted) {
    const last = out[out.length - 1];
    if (last && b.from <= last.to) last.to = Math.max(last.to, b.to);
    else out.push({ from: b.from, to: b.to });
  }
  return out;
}

/** Whether [from, to) overlaps any merged busy range. */
export function overlapsBusy(merged: BusyRange[], from: number, to: number): boolean {
  let lo = 0;
  let hi = merged.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (merged[mid].to <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo < merged.length && merged[lo].from < to;
}

/** The local wall-clock instant of `HH:mm` on a day (24:00 = next midnight). Gaps (spring forward) move later. */
function at(day: DateTime, time: string): number {
  if (time === '24:00') return day.plus({ days: 1 }).toMillis();
  const [hour, minute] = time.split(':').map(Number);
  return day.set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
}

/** The end of the booking window: the end of the local day `bookingWindowDays` after today. */
export function bookingWindowEnd(now: Date, rules: Pick<SlotRules, 'timeZone' | 'bookingWindowDays'>): Date {
  return DateTime.fromJSDate(now, { zone: rules.timeZone })
    .startOf('day')
    .plus({ days: rules.bookingWindowDays + 1 })
    .toJSDate();
}

/**
 * The free start times of one calendar, ascending. Working ranges are read in
 * the business time zone day by day (an override replaces the weekly hours of
 * its date; no ranges = day off) and stepped by the slot interval in real
 * elapsed time from each range's start, so DST days have their true length.
 * The appointment itself must fit its working range; the buffers around it
 * need not, but they must not touch any busy range. A start must respect the
 * minimum notice and fall before the end of the booking window.
 */
export function computeSlots(q: SlotQuery): Date[] {
  const { rules } = q;
  const duration = q.durationMinutes * MINUTE;
  const step = rules.slotIntervalMinutes * MINUTE;
  const before = q.bufferBeforeMinutes * MINUTE;
  const after = q.bufferAfterMinutes * MINUTE;
  const earliest = Math.max(q.from.getTime(), q.now.getTime() + rules.minimumNoticeMinutes * MINUTE);
  const latest = Math.min(q.to.getTime(), bookingWindowEnd(q.now, rules).getTime());
  if (earliest >= latest || duration <= 0 || step <= 0) return [];

  const busy = mergeBusy(q.busy);
  const overrides = new Map<string, TimeRange[]>(q.overrides.map((o) => [o.date, o.ranges]));
  const byWeekday = new Map<number, TimeRange[]>();
  for (const r of q.weekly) byWeekday.set(r.weekday, [...(byWeekday.get(r.weekday) ?? []), r]);

  const found = new Set<number>();
  const lastDay = DateTime.fromMillis(latest, { zone: rules.timeZone }).startOf('day');
  for (let day = DateTime.fromMillis(earliest, { zone: rules.timeZone }).startOf('day'); day <= lastDay; day = day.plus({ days: 1 })) {
    const ranges = overrides.get(day.toISODate()!) ?? byWeekday.get(day.weekday % 7) ?? [];
    for (const range of ranges) {
      const start = at(day, range.start);
      const end = at(day, range.end);
      let t = start < earliest ? start + Math.ceil((earliest - start) / step) * step : start;
      for (; t + duration <= end && t < latest; t += step) {
        if (!overlapsBusy(busy, t - before, t + duration + after)) found.add(t);
      }
    }
  }
  return [...found].sort((a, b) => a - b).map((t) => new Date(t));
}
