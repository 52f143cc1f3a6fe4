/**
 * How an invoice prints amounts and dates. One form per language, used
 * everywhere on the document:
 *  - he: `1,234.50 ₪`, negative `-1,234.50 ₪` (he-IL order: number, space, symbol)
 *  - en: `₪1,234.50`, negative `-₪1,234.50` (en-IL)
 * Dates print DD/MM/YYYY in both.
 *
 * The Hebrew form wraps the signed number in LRI … PDI so the bidi algorithm
 * keeps the minus on the left of the digits; the renderer strips these
 * controls after reordering. Use {@link plainText} for places that are not
 * drawn through the bidi renderer (file names, logs).
 */

export const LRI = '\u2066';
export const PDI = '\u2069';
const NBSP = '\u00a0';

/** Directional formatting characters: they steer the bidi algorithm and are never drawn. */
export const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text without its directional controls. */
export function plainText(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * An integer amount in minor units (agorot for ILS) as printed on the
 * document. Throws on a non-integer: the renderer computes nothing, so a
 * fraction of an agora is a bug upstream.
 */
export function formatMoney(minor: number, currency: string, locale: 'he' | 'en'): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Amount must be an integer number of minor units, got ${minor}`);
  const negative = minor < 0;
  const parts = numberFormat(locale === 'he' ? 'he-IL' : 'en-IL', currency.toUpperCase()).formatToParts(Math.abs(minor) / 100);
  const digits = parts
    .filter((p) => ['integer', 'group', 'decimal', 'fraction'].includes(p.type))
    .map((p) => p.value)
    .join('');
  const symbol = parts.find((p) => p.type === 'currency')?.value ?? currency;
  if (locale === 'he') return `${LRI}${negative ? '-' : ''}${digits}${PDI}${NBSP}${symbol}`;
  return `${negative ? '-' : ''}${symbol}${digits}`;
}

/** `2026-06-01` → `01/06/2026`; anything else is printed as given. */
export function formatDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

/** A signed percentage or other signed figure kept as one left-to-right unit inside Hebrew (`-10%`). */
export function isolateLtr(text: string): string {
  return `${LRI}${text}${PDI}`;
}
