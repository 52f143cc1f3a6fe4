import type { FieldError } from '../../common/problem/problem-details';

/** A working range on a local day: `HH:mm` to `HH:mm` (`24:00` allowed as an end). */
export interface TimeRange {
  start: string;
  end: string;
}

/** A weekly working range; weekday 0 = Sunday … 6 = Saturday. */
export interface WeeklyRange extends TimeRange {
  weekday: number;
}

export interface DateOverride {
  date: string;
  ranges: TimeRange[];
}

export interface Schedule {
  weekly: WeeklyRange[];
  overrides: DateOverride[];
}

export const TIME_OF_DAY = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
export const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Minutes since local midnight of `HH:mm`. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

function rangeErrors(ranges: TimeRange[], path: (i: number) => string): FieldError[] {
  const errors: FieldError[] = [];
  const valid: { i: number; s: number; e: number }[] = [];
  ranges.forEach((r, i) => {
    if (r.start === '24:00') errors.push({ field: `${path(i)}.start`, message: 'start must be before 24:00' });
    else if (minutesOf(r.end) <= minutesOf(r.start)) errors.push({ field: `${path(i)}.end`, message: 'end must be after start' });
    else valid.push({ i, s: minutesOf(r.start), e: minutesOf(r.end) });
  });
  valid.sort((a, b) => a.s - b.s);
  for (let k = 1; k < valid.length; k++) {
    if (valid[k].s < valid[k - 1].e)
      errors.push({ field: `${path(valid[k].i)}.start`, message: `overlaps the range starting at index ${valid[k - 1].i}` });
  }
  return errors;
}

/**
 * The rules the DTO cannot express: start before end, no overlapping ranges
 * on one day, one override per date, real calendar dates. Field paths match
 * the request body (`weekly.2.end`, `overrides.0.ranges.1.start`).
 */
export function scheduleErrors(schedule: Schedule): FieldError[] {
  const errors: FieldError[] = [];
  for (let day = 0; day <= 6; day++) {
    const indexes = schedule.weekly.map((r, i) => ({ r, i })).filter((x) => x.r.weekday === day);
    errors.push(
      ...rangeErrors(
        indexes.map((x) => x.r),
        (k) => `weekly.${indexes[k].i}`,
      ),
    );
  }
  const seen = new Map<string, number>();
  schedule.overrides.forEach((o, i) => {
    const parsed = new Date(`${o.date}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== o.date)
      errors.push({ field: `overrides.${i}.date`, message: 'date is not a calendar date' });
    if (seen.has(o.date)) errors.push({ field: `overrides.${i}.date`, message: `date repeats the override at index ${seen.get(o.date)}` });
    seen.set(o.date, i);
    errors.push(...rangeErrors(o.ranges, (k) => `overrides.${i}.ranges.${k}`));
  });
  return errors;
}
