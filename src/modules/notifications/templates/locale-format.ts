import { DateTime } from 'luxon';
import { MessageLocale } from '../notification.types';

/** How a message writes dates, times and money: its language, the business's time zone and currency. */
export interface MessageFormat {
  locale: MessageLocale;
  timeZone: string;
  /** ISO 4217; amounts are in its minor unit (agorot for ILS). */
  currency: string;
}

/** The `| date: 'style'` styles, with what each writes for 2026-05-01 in he / en. */
export const DATE_STYLES = {
  /** יום שישי, 1 במאי 2026 / Friday, 1 May 2026 (the default) */
  full: { dateStyle: 'full' },
  /** 1 במאי 2026 / 1 May 2026 */
  long: { dateStyle: 'long' },
  /** 1.5.2026 / 01/05/2026 */
  short: { dateStyle: 'short' },
  /** יום ו׳, 1.5 / Fri, 01/05 (for SMS) */
  compact: { weekday: 'short', day: 'numeric', month: 'numeric' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DateStyle = keyof typeof DATE_STYLES;

const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short', hourCycle: 'h23' };

const INTL_LOCALE: Record<MessageLocale, string> = { [MessageLocale.he]: 'he-IL', [MessageLocale.en]: 'en-IL' };

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = formatters.get(key);
  if (!f) {
    if (formatters.size > 500) formatters.clear();
    f = make();
    formatters.set(key, f);
  }
  return f as T;
}

/**
 * A point in time from a variable: a Date, an ISO 8601 instant (with offset
 * or Z), or an offset-less date or date-time, read as wall-clock time in the
 * business's time zone (`2026-05-01` is that calendar day). Null otherwise.
 */
export function toInstant(value: unknown, timeZone: string): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const parsed = DateTime.fromISO(value.trim(), { zone: timeZone });
  return parsed.isValid ? parsed.toJSDate() : null;
}

function formatInstant(value: unknown, options: Intl.DateTimeFormatOptions, fmt: MessageFormat): string {
  const at = toInstant(value, fmt.timeZone);
  // A value that is not a time is shown as it is: a template never fails on a variable's content.
  if (!at) return value === null || value === undefined ? '' : String(value);
  const key = `d|${fmt.locale}|${fmt.timeZone}|${JSON.stringify(options)}`;
  return cached(key, () => new Intl.DateTimeFormat(INTL_LOCALE[fmt.locale], { ...options, timeZone: fmt.timeZone })).format(at);
}

export const isDateStyle = (style: unknown): style is DateStyle => typeof style === 'string' && Object.hasOwn(DATE_STYLES, style);

/** The date in the business's time zone, in the message's language (`full` unless another style is named). */
export function formatDate(value: unknown, style: unknown, fmt: MessageFormat): string {
  return formatInstant(value, DATE_STYLES[isDateStyle(style) ? style : 'full'], fmt);
}

/** The time of day, 24-hour, in the business's time zone: `19:00`. */
export function formatTime(value: unknown, fmt: MessageFormat): string {
  return formatInstant(value, TIME, fmt);
}

/** Date and time together: `יום שישי, 1 במאי 2026 בשעה 19:00` / `Friday, 1 May 2026 at 19:00`. */
export function formatDateTime(value: unknown, fmt: MessageFormat): string {
  return formatInstant(value, DATE_TIME, fmt);
}

/** An amount in minor units (agorot) as money in the message's language: `‏120.00 ‏₪` / `₪120.00`. Empty when not a number. */
export function formatMoney(value: unknown, fmt: MessageFormat): string {
  const amount = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(amount)) return '';
  const key = `m|${fmt.locale}|${fmt.currency}`;
  return cached(key, () => new Intl.NumberFormat(INTL_LOCALE[fmt.locale], { style: 'currency', currency: fmt.currency })).format(
    amount / 100,
  );
}

const DEFAULT_ZONE = 'Asia/Jerusalem';

function validZone(zone: string | null | undefined): string {
  if (!zone) return DEFAULT_ZONE;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return DEFAULT_ZONE;
  }
}

function validCurrency(code: string | null | undefined): string {
  const upper = (code ?? '').trim().toUpperCase();
  try {
    if (!/^[A-Z]{3}$/.test(upper)) return 'ILS';
    new Intl.NumberFormat('en', { style: 'currency', currency: upper });
    return upper;
  } catch {
    return 'ILS';
  }
}

/** The format of a business's messages in `locale` (an unusable stored zone or currency falls back to Israel's). */
export function messageFormatFor(business: { timezone?: string | null; currency?: string | null }, locale: MessageLocale): MessageFormat {
  return { locale, timeZone: validZone(business.timezone), currency: validCurrency(business.currency) };
}
