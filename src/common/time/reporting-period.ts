import { ValidateBy } from 'class-validator';
import { DateTime } from 'luxon';
import { parseZonedDateTime } from './zoned-time';

/** The size of one bucket of a report's series. */
export type Granularity = 'day' | 'month';
export const GRANULARITIES: readonly Granularity[] = ['day', 'month'];

/**
 * A half-open period `[from, to)` of a report, bucketed by calendar day or
 * month in the business time zone. Built by `resolvePeriod`; every aggregate
 * query of a report takes it as it is.
 */
export interface ReportingPeriod {
  from: Date;
  to: Date;
  granularity: Granularity;
  timeZone: string;
}

/** Counts (or sums) of one bucket, keyed by the local date its bucket starts on (`2026-11-01`). */
export type BucketRow<K extends string> = { bucket: string } & Record<K, number>;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day (`2026-11-01`: its start in `zone`) or an ISO 8601 date-time (with an
 * offset: that instant; without one: wall-clock time in `zone`). Null when invalid.
 */
export function parseDateOrDateTime(input: string, zone: string): Date | null {
  if (!DATE_ONLY.test(input)) return parseZonedDateTime(input, zone);
  const day = DateTime.fromISO(input, { zone });
  return day.isValid ? day.toJSDate() : null;
}

/** Validates `parseDateOrDateTime` input (a date, or a date-time with or without offset). */
export const IsDateOrDateTime = () =>
  ValidateBy({
    name: 'isDateOrDateTime',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseDateOrDateTime(value, 'UTC') !== null,
      defaultMessage: (args) =>
        `${args?.property ?? 'value'} must be a date (2026-11-01) or an ISO 8601 date-time (2026-11-01T08:00 in the business time zone, or with an offset)`,
    },
  });

/**
 * The local dates every bucket of the period starts on, in order and without
 * gaps (a series is zero-filled from these). The first bucket is the day or
 * month `from` falls in, the last the one the period's last instant falls in.
 */
export function bucketDates(period: ReportingPeriod): string[] {
  const unit = period.granularity;
  const last = DateTime.fromJSDate(new Date(period.to.getTime() - 1), { zone: period.timeZone }).startOf(unit);
  const dates: string[] = [];
  for (let at = DateTime.fromJSDate(period.from, { zone: period.timeZone }).startOf(unit); at <= last; at = at.plus({ [unit]: 1 }))
    dates.push(at.toISODate()!);
  return dates;
}

/**
 * The SQL expression of a row's bucket, the local date its day or month starts
 * on: `column` read in the time zone `$tz`, truncated to `$unit`. Both are query
 * parameters (never text built into the SQL); the result matches `bucketDates`.
 */
export function sqlBucket(column: string, unitParam: string, zoneParam: string): string {
  return `to_char(date_trunc(${unitParam}, ${column} AT TIME ZONE ${zoneParam}), 'YYYY-MM-DD')`;
}
