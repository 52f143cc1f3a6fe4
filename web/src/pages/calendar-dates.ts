/**
 * Calendar dates (`YYYY-MM-DD`) in the business time zone, and the instants
 * their days start at, with Intl alone (no date library in the bundle).
 * Days are counted from Sunday, as the week runs in Israel.
 */

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

/** The wall-clock reading of an instant in a time zone, as if it were UTC (ms). */
function wallClock(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of partsFormat(timeZone).formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

const utcMidnight = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`);
const ymdOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Today's date in the time zone. */
export function todayIn(timeZone: string, now = Date.now()): string {
  return ymdOf(wallClock(now, timeZone));
}

export function addDays(ymd: string, days: number): string {
  return ymdOf(utcMidnight(ymd) + days * 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(ymd: string): number {
  return new Date(utcMidnight(ymd)).getUTCDay();
}

/** The Sunday starting the week that holds `ymd`. */
export function weekStartOf(ymd: string): string {
  return addDays(ymd, -weekdayOf(ymd));
}

/** The instant the local day starts in the time zone (ISO, UTC). */
export function dayStartInstant(ymd: string, timeZone: string): string {
  const guess = utcMidnight(ymd);
  let instant = guess - (wallClock(guess, timeZone) - guess);
  // Once more, for a day whose offset differs from the guess's (daylight saving changes).
  instant = guess - (wallClock(instant, timeZone) - instant);
  return new Date(instant).toISOString();
}

/** `HH:mm` and the date of a local ISO time the API gives (`localStartsAt`: 2026-03-27T10:00:00.000+03:00). */
export const localDateOf = (localIso: string) => localIso.slice(0, 10);
export const localTimeOf = (localIso: string) => localIso.slice(11, 16);
