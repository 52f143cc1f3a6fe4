import { DateTime } from 'luxon';
import { type Granularity, parseDateOrDateTime, type ReportingPeriod } from '../../common/time/reporting-period';
import { InvalidStatsPeriodException } from './stats.exception';

/** The longest period per granularity: a year of days (a leap year's 366), ten years of months. */
export const MAX_PERIOD: Record<Granularity, { days?: number; years?: number; text: string }> = {
  day: { days: 366, text: '366 days' },
  month: { years: 10, text: '10 years' },
};

/**
 * The period a stats request asks for, in the business time zone: `from` and
 * `to` are days (their start) or date-times; a missing `from` is the start of
 * the month `to` ends in, a missing `to` the start of the month after `from`,
 * neither: the current month. Refused (400, naming the field) when `to` is not
 * after `from` or the period is longer than MAX_PERIOD for the granularity.
 */
export function resolvePeriod(
  q: { from?: string; to?: string; granularity?: Granularity },
  timeZone: string,
  now = new Date(),
): ReportingPeriod {
  const granularity = q.granularity ?? 'day';
  // The query DTO validated both; the zone only decides what an offset-less value means.
  const givenFrom = q.from === undefined ? null : parseDateOrDateTime(q.from, timeZone);
  const givenTo = q.to === undefined ? null : parseDateOrDateTime(q.to, timeZone);
  const monthOf = (d: Date) => DateTime.fromJSDate(d, { zone: timeZone }).startOf('month');
  const from = givenFrom ?? (givenTo ? monthOf(new Date(givenTo.getTime() - 1)) : monthOf(now)).toJSDate();
  const to = givenTo ?? monthOf(from).plus({ months: 1 }).toJSDate();
  if (to <= from) throw new InvalidStatsPeriodException([{ field: 'to', message: 'to must be after from' }]);
  const max = MAX_PERIOD[granularity];
  const limit = DateTime.fromJSDate(from, { zone: timeZone }).plus({ days: max.days ?? 0, years: max.years ?? 0 });
  if (to.getTime() > limit.toMillis())
    throw new InvalidStatsPeriodException([
      { field: 'to', message: `The period may be at most ${max.text} long with granularity=${granularity}` },
    ]);
  return { from, to, granularity, timeZone };
}
