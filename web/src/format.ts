import type { Lang } from './i18n/i18n';

export interface Formats {
  /** An instant (ISO 8601) as a date and time in the business time zone. */
  dateTime(iso: string): string;
  /** An instant as a long date in the business time zone. */
  longDate(value: string | Date): string;
  /** A calendar date (`YYYY-MM-DD`, no time zone) as written in the language. */
  calendarDate(ymd: string): string;
  /** Integer agorot (or cents) as money, e.g. ₪1,250.00. */
  money(minor: number, currency?: string): string;
  number(value: number): string;
  /** An instant as a time of day (HH:MM) in the business time zone. */
  time(iso: string): string;
  /** A calendar date (`YYYY-MM-DD`) as a short day and month, for chart axes. */
  dayMonth(ymd: string): string;
  /** Integer agorot as whole money, e.g. ₪1,250, for chart axes. */
  wholeMoney(minor: number): string;
}

/** Intl formats for the language, in the business's time zone and currency. */
export function formats(lang: Lang, timeZone = 'Asia/Jerusalem', currency = 'ILS'): Formats {
  const locale = lang === 'he' ? 'he-IL' : 'en-IL';
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const longDate = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone });
  const calendarDate = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const number = new Intl.NumberFormat(locale);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'numeric', timeZone: 'UTC' });
  const wholeMoney = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
  return {
    dateTime: (iso) => dateTime.format(new Date(iso)),
    longDate: (value) => longDate.format(typeof value === 'string' ? new Date(value) : value),
    calendarDate: (ymd) => calendarDate.format(new Date(`${ymd}T00:00:00Z`)),
    money: (minor, code = currency) => {
      let format = moneyFormats.get(code);
      if (!format) moneyFormats.set(code, (format = new Intl.NumberFormat(locale, { style: 'currency', currency: code })));
      return format.format(minor / 100);
    },
    number: (value) => number.format(value),
    time: (iso) => time.format(new Date(iso)),
    dayMonth: (ymd) => dayMonth.format(new Date(`${ymd}T00:00:00Z`)),
    wholeMoney: (minor) => wholeMoney.format(Math.round(minor / 100)),
  };
}

/** An E.164 Israeli number as people write it (+972501234567 → 050-123-4567); others unchanged. */
export function displayPhone(e164: string): string {
  const local = /^\+972(\d{8,9})$/.exec(e164);
  if (!local) return e164;
  const national = `0${local[1]}`;
  return national.length === 10
    ? `${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`
    : `${national.slice(0, 2)}-${national.slice(2, 5)}-${national.slice(5)}`;
}
