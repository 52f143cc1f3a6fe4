import { DateTime } from 'luxon';

export interface QuietWindows {
  /** Each night from `quietFrom` to `quietTo` (HH:mm, business time; may cross midnight). */
  quietFrom: string;
  quietTo: string;
  /** From Friday `shabbatFrom` to Saturday `shabbatTo` (null: none). */
  shabbatFrom: string | null;
  shabbatTo: string | null;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const FRIDAY = 5;
const SATURDAY = 6;

/** The end of the quiet window `local` falls in, or null when it is in none. */
function windowEnd(local: DateTime, w: QuietWindows): DateTime | null {
  const now = local.hour * 60 + local.minute;
  const from = minutes(w.quietFrom);
  const to = minutes(w.quietTo);
  // Set the wall clock (not start of day plus minutes): a daylight-saving change inside the night keeps 08:00 at 08:00.
  const at = (day: DateTime, hhmm: number) => day.set({ hour: Math.floor(hhmm / 60), minute: hhmm % 60, second: 0, millisecond: 0 });
  if (w.shabbatFrom && w.shabbatTo) {
    const friday = local.weekday === FRIDAY && now >= minutes(w.shabbatFrom);
    const saturday = local.weekday === SATURDAY && now < minutes(w.shabbatTo);
    if (friday) return at(local.plus({ days: 1 }), minutes(w.shabbatTo));
    if (saturday) return at(local, minutes(w.shabbatTo));
  }
  if (from === to) return null;
  if (from < to) return now >= from && now < to ? at(local, to) : null;
  if (now >= from) return at(local.plus({ days: 1 }), to);
  if (now < to) return at(local, to);
  return null;
}

/**
 * When a marketing message due at `due` may go: `due` itself, or the end of
 * the quiet window it falls in (the night, or Shabbat), in the business time
 * zone. Windows that touch are followed to their common end.
 */
export function afterQuietHours(due: Date, zone: string, windows: QuietWindows): Date {
  let local: DateTime = DateTime.fromJSDate(due, { zone });
  for (let i = 0; i < 4; i++) {
    const end = windowEnd(local, windows);
    if (!end) break;
    local = end;
  }
  return local.toJSDate();
}
