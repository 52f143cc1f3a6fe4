import type { AudienceOperator } from '../../customers/audience/audience-rule';

/*
 * The words the segment text parser knows, as regular-expression sources to
 * build its clauses from, and the functions that turn what they matched into
 * values. Durations count whole days: a week is 7, a month 30, half a year
 * 180 and a year 365 (so "6 months" is 180 days too). Amounts are shekels,
 * turned into agorot exactly (99.90 → 9990); at most two decimals.
 */

/** The end of a word (Hebrew included: `\b` knows only ASCII letters). */
export const WB = String.raw`(?![\p{L}\p{N}])`;

/** 1,000 / 1000 / 99.90. */
export const DIGITS = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

const EN_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Both genders and the construct form (שלושת החודשים); not שנים, which reads as "years". */
const HE_NUMBERS: Record<string, number> = {
  אחד: 1,
  אחת: 1,
  שניים: 2,
  שתיים: 2,
  שני: 2,
  שתי: 2,
  שתים: 2,
  שלושה: 3,
  שלוש: 3,
  שלושת: 3,
  שלשה: 3,
  שלש: 3,
  ארבעה: 4,
  ארבע: 4,
  ארבעת: 4,
  חמישה: 5,
  חמשה: 5,
  חמש: 5,
  חמשת: 5,
  שישה: 6,
  ששה: 6,
  שש: 6,
  ששת: 6,
  שבעה: 7,
  שבע: 7,
  שבעת: 7,
  שמונה: 8,
  שמונת: 8,
  תשעה: 9,
  תשע: 9,
  תשעת: 9,
  עשרה: 10,
  עשר: 10,
  עשרת: 10,
  'אחד עשר': 11,
  'אחת עשרה': 11,
  'שנים עשר': 12,
  'שניים עשר': 12,
  'שתים עשרה': 12,
  'שתיים עשרה': 12,
  עשרים: 20,
  שלושים: 30,
  ארבעים: 40,
  חמישים: 50,
  שישים: 60,
  שבעים: 70,
  שמונים: 80,
  תשעים: 90,
  מאה: 100,
};

/** Longest first, so `אחת עשרה` wins over `אחת`; spaces as `\s+`. */
const alternation = (words: string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/ /g, String.raw`\s+`))
    .join('|');

export const EN_COUNT = `${DIGITS}|${alternation(Object.keys(EN_NUMBERS))}`;
export const HE_COUNT = `${DIGITS}|${alternation(Object.keys(HE_NUMBERS))}`;

const MAX_DAYS = 36_500;
const MAX_COUNT = 1_000_000;

/** A whole number written in digits (commas allowed) or as a word; null for fractions and what is too large. */
export function parseCount(text: string, max = MAX_COUNT): number | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const word = EN_NUMBERS[t] ?? HE_NUMBERS[t];
  if (word !== undefined) return word;
  const digits = t.replace(/,/g, '');
  if (!/^\d+$/.test(digits)) return null;
  const n = Number(digits);
  return n <= max ? n : null;
}

/** Shekels (1,000 / 99.90, a currency sign or word around them) as integer agorot; null past two decimals. */
export function parseAgorot(text: string): number | null {
  const amount = /\d[\d,]*(?:\.\d+)?/.exec(text)?.[0].replace(/,/g, '');
  const m = amount ? /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount) : null;
  if (!m) return null;
  const agorot = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(agorot) ? agorot : null;
}

const EN_UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };
const HE_UNIT_DAYS: Record<string, number> = { יום: 1, ימים: 1, שבוע: 7, שבועות: 7, חודש: 30, חודשים: 30, שנה: 365, שנים: 365 };
const HE_DUALS: Record<string, number> = { יומיים: 2, שבועיים: 14, חודשיים: 60, שנתיים: 730 };
const HALF_YEAR = 180;

/** `6 months`, `90 days`, `a year`, `half a year`, `month` (as in "the last month"). */
export const EN_DURATION = String.raw`(?:(?:${EN_COUNT}|an?)\s*-?\s*(?:days?|weeks?|months?|years?)|(?:a\s+)?half\s+(?:a\s+)?year|day|week|month|year)${WB}`;

/** `3 חודשים`, `שלושה חודשים`, `90 הימים` (after ב), `חודשיים`, `חצי שנה`, `שנה`, `חודש אחד`. */
export const HE_DURATION = String.raw`(?:(?:${HE_COUNT})\s*-?\s*ה?(?:ימים|יום|שבועות|שבוע|חודשים|חודש|שנים|שנה)|חצי\s+ה?שנה|יומיים|שבועיים|חודשיים|שנתיים|(?:יום|שבוע|חודש|שנה)(?:\s+(?:אחד|אחת))?)${WB}`;

/** Days in an English or Hebrew duration the patterns above matched; null when it is not whole or too long. */
export function durationDays(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const days = /^(?:a )?half (?:a )?year$|^חצי ה?שנה$/.test(t) ? HALF_YEAR : (HE_DUALS[t] ?? unitsOf(t));
  return days !== null && days > 0 && days <= MAX_DAYS ? days : null;
}

/** `<count> <unit>` or a unit alone (one of it). */
function unitsOf(t: string): number | null {
  const single = /^(day|week|month|year|יום|שבוע|חודש|שנה)(?: אחד| אחת)?$/.exec(t);
  if (single) return EN_UNIT_DAYS[single[1]] ?? HE_UNIT_DAYS[single[1]];
  const en = /^(.+?) ?-? ?(day|week|month|year)s?$/.exec(t);
  const he = en ? null : /^(.+?) ?-? ?ה?(ימים|יום|שבועות|שבוע|חודשים|חודש|שנים|שנה)$/.exec(t);
  const count = en ? (/^an?$/.test(en[1]) ? 1 : parseCount(en[1])) : he ? parseCount(he[1]) : null;
  if (count === null) return null;
  return count * (en ? EN_UNIT_DAYS[en[2]] : HE_UNIT_DAYS[he![2]]);
}

/** "More than", "at least", "under", "at most" and their Hebrew, before a number. */
export const EN_COMPARATOR = String.raw`more\s+than|greater\s+than|over|above|upwards\s+of|at\s+least|no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of|minimum(?:\s+of)?|less\s+than|fewer\s+than|under|below|at\s+most|no\s+more\s+than|not\s+more\s+than|up\s+to|a\s+maximum\s+of|maximum(?:\s+of)?`;
export const EN_MORE = String.raw`more\s+than|over|above|at\s+least`;
/** Hebrew comparators take a `ב` (ביותר מ-1,000) and end where the number starts (מ-500, מ500, מחצי שנה). */
export const HE_COMPARATOR = String.raw`ב?(?:(?:לא\s+)?(?:יותר|פחות)\s*מ-?|למעלה\s*מ-?|מעל(?:\s+ל-?)?|מתחת\s+ל-?|לפחות|מינימום|עד|לכל\s+היותר|מקסימום)`;
export const HE_MORE = String.raw`(?:יותר|למעלה)\s*מ-?|מעל(?:\s+ל-?)?|לפחות`;
/** After the number: "or more", "and up", "+", ומעלה, או יותר; "or less", ומטה. */
export const EN_SUFFIX = String.raw`or\s+more|or\s+above|or\s+over|and\s+(?:up|above|over|more)|\+|or\s+less|or\s+fewer|or\s+under|and\s+(?:under|below|less)`;
export const HE_SUFFIX = String.raw`ומעלה|ויותר|או\s+יותר|ומטה|או\s+פחות`;

/** The operator a comparator (before the number) or suffix (after it) means; `fallback` when there is neither. */
export function comparatorOf(before: string | undefined, after: string | undefined, fallback: AudienceOperator): AudienceOperator {
  if (after) return /less|fewer|under|below|מטה|פחות/i.test(after) ? '<=' : '>=';
  if (!before) return fallback;
  const t = before
    .trim()
    .toLowerCase()
    .replace(/^ב(?=[א-ת])/, '');
  if (/^(?:at\s+most|no\s+more|not\s+more|up\s+to|a\s+maximum|maximum|עד|לכל\s+היותר|מקסימום|לא\s+יותר)/.test(t)) return '<=';
  if (/^(?:at\s+least|no\s+less|not\s+less|a\s+minimum|minimum|לפחות|מינימום|לא\s+פחות)/.test(t)) return '>=';
  if (/^(?:less|fewer|under|below|פחות|מתחת)/.test(t)) return '<';
  return '>';
}

/** `₪500`, `500 NIS`, `1,000 shekels`, `99.90`. */
export const enMoney = (group: string) => String.raw`(?:₪|nis|ils)?\s*(?<${group}>${DIGITS})(?:\s*(?:₪|nis|ils|shekels?|sh))?${WB}`;
/** `500 ₪`, `₪500`, `1,000 ש"ח`, `500 שקל`. */
export const heMoney = (group: string) => String.raw`(?:₪\s*)?(?<${group}>${DIGITS})(?:\s*(?:₪|ש"ח|שח|שקלים|שקל|ש\.ח\.?|nis))?${WB}`;

const EN_MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const HE_MONTHS: Record<string, number> = {
  ינואר: 1,
  פברואר: 2,
  מרץ: 3,
  מרס: 3,
  מארס: 3,
  אפריל: 4,
  מאי: 5,
  יוני: 6,
  יולי: 7,
  אוגוסט: 8,
  ספטמבר: 9,
  אוקטובר: 10,
  נובמבר: 11,
  דצמבר: 12,
};
export const EN_MONTH = `(?:${alternation(Object.keys(EN_MONTHS))})${WB}`;
export const HE_MONTH = `(?:${alternation(Object.keys(HE_MONTHS))})${WB}`;

/** The months named in a matched list (`March or April`, `במרץ או באפריל`), in order, once each. */
export function monthsIn(text: string): number[] {
  const words = text.toLowerCase().match(/[a-z]+|[א-ת]+/g) ?? [];
  const months = words
    .map((w) => EN_MONTHS[w] ?? HE_MONTHS[w] ?? HE_MONTHS[w.replace(/^ב/, '')])
    .filter((m): m is number => m !== undefined);
  return [...new Set(months)];
}

/** The month of `now` in `timeZone` (1–12), `offset` months on. */
export function monthOf(now: Date, timeZone: string, offset = 0): number {
  const month = Number(new Intl.DateTimeFormat('en-US', { timeZone, month: 'numeric' }).format(now));
  return ((month - 1 + offset + 12) % 12) + 1;
}

/**
 * A tag as written: one word of letters, digits, `_` and `-`, or any text in
 * quotes without the characters that separate tags (`,` `;` `|`).
 */
export const TAG = String.raw`(?<tag>"[^"\n,;|]{1,100}"|'[^'\n,;|]{1,100}'|[\p{L}\p{N}][\p{L}\p{N}_-]*)`;
export const tagValue = (text: string): string => text.replace(/^(["'])(.*)\1$/, '$2').trim();
