/**
 * Calendar arithmetic for the home page in the business's time zone, with Intl
 * only: today's date there, the months around it, and the instant a local day
 * starts (the appointments list takes instants; the stats API takes local dates).
 */

/** `YYYY-MM-DD` of an instant in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

const pad = (n: number) => String(n).padStart(2, '0');
const parts = (ymd: string) => ymd.split('-').map(Number) as [number, number, number];

/** The first day of the month `offset` months from the month of `ymd`. */
export function monthStart(ymd: string, offset = 0): string {
  const [y, m] = parts(ymd);
  const d = new Date(Date.UTC(y, m - 1 + offset, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-01`;
}

export function addDays(ymd: string, days: number): string {
  const [y, m, d] = parts(ymd);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** How far the zone is ahead of UTC at an instant, in ms. */
function zoneOffset(utcMs: number, timeZone: string): number {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const v: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(utcMs))) if (p.type !== 'literal') v[p.type] = Number(p.value);
  return Date.UTC(v.year, v.month - 1, v.day, v.hour, v.minute, v.second) - Math.floor(utcMs / 1000) * 1000;
}

/** The instant (ISO 8601, UTC) local midnight of `ymd` is in the time zone (right across daylight-saving changes). */
export function startOfLocalDay(ymd: string, timeZone: string): string {
  const [y, m, d] = parts(ymd);
  const wall = Date.UTC(y, m - 1, d);
  let at = wall - zoneOffset(wall, timeZone);
  at = wall - zoneOffset(at, timeZone);
  return new Date(at).toISOString();
}
