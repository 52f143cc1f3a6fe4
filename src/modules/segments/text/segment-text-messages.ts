/** The language a person wrote in: Hebrew when the text has a Hebrew letter. */
export type TextLocale = 'he' | 'en';

export const localeOf = (text: string): TextLocale => (/[\u05d0-\u05ea]/.test(text) ? 'he' : 'en');

/** Phrasings the local parser understands, to show people what to write. */
export const SEGMENT_TEXT_EXAMPLES: Record<TextLocale, readonly string[]> = {
  en: [
    'inactive for 6 months',
    "haven't visited in 90 days",
    'spent over ₪500',
    'visited at least 3 times',
    'never visited',
    'tagged VIP',
    'subscribed to SMS',
    'birthday in March',
    'English speakers',
    'joined in the last 30 days',
    'paid in the last 14 days',
  ],
  he: [
    'לקוחות שלא ביקרו חצי שנה',
    'לא היו פעילים 3 חודשים',
    'הוציאו מעל 500 ₪',
    'ביקרו לפחות 3 פעמים',
    'שלא ביקרו אף פעם',
    'עם תגית VIP',
    'רשומים לדיוור',
    'שהסכימו לקבל SMS',
    'יום הולדת במרץ',
    'דוברי אנגלית',
    'הצטרפו ב-30 הימים האחרונים',
    'ששילמו בשבועיים האחרונים',
  ],
};

const quoted = (parts: string[], locale: TextLocale) => parts.map((p) => (locale === 'he' ? `"${p}"` : `“${p}”`)).join(', ');
const examples = (locale: TextLocale) => SEGMENT_TEXT_EXAMPLES[locale].map((e) => `"${e}"`).join('; ');

/** Why a text gave no rule, in its own language, with phrasings that work. */
export const SEGMENT_TEXT_MESSAGES = {
  empty: (locale: TextLocale) =>
    locale === 'he'
      ? `תארו את הלקוחות שתרצו למצוא, למשל: ${examples('he')}.`
      : `Describe the customers you want to find, for example: ${examples('en')}.`,
  tooLong: (locale: TextLocale, max: number) =>
    locale === 'he' ? `התיאור ארוך מ-${max} תווים; קצרו אותו.` : `The description is longer than ${max} characters; shorten it.`,
  tooMany: (locale: TextLocale, max: number) =>
    locale === 'he' ? `התיאור מכיל יותר מ-${max} תנאים.` : `The description holds more than ${max} conditions.`,
  notUnderstood: (locale: TextLocale, unknown: string[]) =>
    locale === 'he'
      ? `לא הצלחנו להבין: ${quoted(unknown, 'he')}. נסו ניסוחים כמו: ${examples('he')}, ולחברו אותם ב"ו" או ב"או".`
      : `Could not understand ${quoted(unknown, 'en')}. Try phrasings such as: ${examples('en')}, joined with "and" or "or".`,
};
