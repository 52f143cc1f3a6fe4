import type { AudienceField } from '../../customers/audience/audience-rule';
import { type Channel, type ClauseRule, condition, consent, daysCondition, type Groups, phrasings } from './clause-rule';
import { birthdayCondition, moneyCondition, visitCountCondition } from './clause-values';
import {
  comparatorOf,
  HE_COMPARATOR,
  HE_COUNT,
  HE_DURATION,
  HE_MONTH,
  HE_MORE,
  HE_SUFFIX,
  heMoney,
  TAG,
  tagValue,
} from './segment-text-lexicon';

/** What may stand before a clause: ש (שלא ביקרו), אשר, מי ש, ה (הרשומים). A leading ו is an "and", read between clauses. */
const P = String.raw`(?:ש|אשר\s+|מי\s+ש|ה)?`;

const VISITED = String.raw`(?:ביקרו|ביקר|ביקרה|הגיעו|הגיע|הגיעה|באו|בא|באה|חזרו|חזר|חזרה|(?:היו|היה|הייתה|היתה)\s+אצלנו)(?:\s+אצלנו)?`;
const PAID = String.raw`(?:שילמו|שילם|שילמה|ביצעו\s+תשלום|ביצע\s+תשלום|ביצעה\s+תשלום)`;
const JOINED = String.raw`(?:הצטרפו|הצטרף|הצטרפה|נרשמו|נרשם|נרשמה|נוספו|נוסף|נוספה|נוצרו|נוצר)(?:\s+(?:אלינו|לעסק|כלקוחות|כלקוח))?`;

/** How long it has not happened: כבר חצי שנה, יותר משלושה חודשים, 90 יום. */
const SINCE = String.raw`\s+(?:(?:כבר|במשך|מזה)\s+)?(?:(?<cmp>${HE_MORE})\s*)?(?<dur>${HE_DURATION})(?:\s+(?:ויותר|או\s+יותר))?`;
/** A window back from now: ב-90 הימים האחרונים, בחצי השנה האחרונה, בשבועיים האחרונים. */
const WINDOW = String.raw`\s+(?:ב-?\s*|מה-?\s*|במהלך\s+ה?|בתוך\s+ה?)(?<dur>${HE_DURATION})\s+ה?אחרו(?:ן|נים|נות|נה)`;

const since = (field: AudienceField, heads: string[]) =>
  phrasings(heads, [SINCE, WINDOW], (g) => daysCondition(field, comparatorOf(g.cmp, undefined, '>='), g.dur));
const recent = (field: AudienceField, heads: string[]) => phrasings(heads, [WINDOW], (g) => daysCondition(field, '<=', g.dur));

const MONEY_TAILS = [
  String.raw`\s+(?<cmp>${HE_COMPARATOR})\s*${heMoney('amount')}`,
  String.raw`\s+(?:ב-?\s*)?${heMoney('amount')}\s*(?<suf>${HE_SUFFIX})`,
  String.raw`\s+(?:ב?סכום\s+)?בין\s+${heMoney('low')}\s+(?:ל-?|עד\s+)\s*${heMoney('high')}`,
];

const TAG_WORD = String.raw`ה?(?:תגית|תג|תווית)`;
const TAGGED = String.raw`(?:מתויגים|מתויגות|מתויג|מתויגת|תויגו)(?:\s+(?:ב|עם\s+)${TAG_WORD})?`;
/** מתויגים כ-VIP, כ VIP, כVIP (כ glued only to Latin letters, digits or a quote: כוכב is a tag). */
const AS_TAG = [String.raw`\s+כ(?:-\s*|\s+)${TAG}`, String.raw`\s+כ(?=[A-Za-z0-9"'])${TAG}`];
const tagged = (g: Groups) => condition('tags', 'contains', tagValue(g.tag ?? ''));
const notTagged = (g: Groups) => condition('tags', 'not in', [tagValue(g.tag ?? '')]);

const CHANNEL = String.raw`(?:SMS|סמס|אס\s*אמ\s*אס|מסרונים|מסרון|הודעות\s+(?:SMS|סמס|טקסט)|אימיילים|אימייל|מיילים|מייל|דוא"ל|דואר\s+אלקטרוני|ניוזלטר|דיוור(?:\s+(?:ב-?\s*|דרך\s+ה?|של\s+)(?:SMS|סמס|מסרונים|אימייל|מייל|דוא"ל))?)`;
const CHANNELS = String.raw`ה?(?<ch>${CHANNEL})(?:\s+(?<conj>ו-?|וגם\s+|או\s+)(?:ב-?)?ה?(?<ch2>${CHANNEL}))?`;
const SUBSCRIBED = String.raw`(?:רשומים|רשומות|רשום|רשומה|נרשמו|נרשם|נרשמה|מנויים|מנויות|מנוי|מנויה)\s+ל(?:קבלת\s+)?-?\s*`;
const AGREED = String.raw`(?:הסכימו|הסכים|הסכימה|מסכימים|מסכימות|אישרו|אישר|אישרה|מאשרים|מאשרות)\s+(?:לקבל|לקבלת|קבלת|ל-?)\s*`;
const CONSENT_TO = String.raw`(?:אישור|הסכמה)\s+(?:ל(?:קבלת\s+)?-?\s*|לקבל\s+)`;
const channelsOf = (g: Groups): Channel[] =>
  [g.ch, g.ch2].filter((c): c is string => !!c).map((c) => (/sms|סמס|אס|מסרון|טקסט/i.test(c) ? 'smsConsent' : 'emailConsent'));
const consentTo = (given: boolean) => (g: Groups) => consent(channelsOf(g), given, /^או/.test(g.conj ?? ''));

const LANGUAGE = '(?<lang>עברית|אנגלית)';
const language = (g: Groups) => condition('language', '=', g.lang === 'עברית' ? 'he' : 'en');

/** The Hebrew phrasings, each with the condition it means. */
export const HEBREW_CLAUSES: ClauseRule[] = [
  ...since('daysSinceLastVisit', [String.raw`${P}לא\s+${VISITED}`, String.raw`${P}(?:ללא|בלי)\s+ביקור(?:ים)?`]),
  ...since('daysSinceLastActivity', [
    String.raw`${P}לא\s+(?:(?:היו|היה|הייתה|היתה)\s+)?פעיל(?:ים|ות|ה)?`,
    String.raw`${P}(?:ללא|בלי)\s+(?:שום\s+)?פעילות`,
    String.raw`${P}לא\s+(?:הייתה|היתה|היה)\s+(?:להם|לו|לה|להן)\s+(?:שום\s+)?פעילות`,
  ]),
  ...since('daysSinceLastPayment', [String.raw`${P}לא\s+${PAID}`, String.raw`${P}(?:ללא|בלי)\s+תשלומים?`]),
  ...recent('daysSinceLastVisit', [String.raw`${P}${VISITED}`, String.raw`${P}(?:עם\s+)?ביקור`]),
  ...recent('daysSinceLastActivity', [String.raw`${P}(?:(?:היו|היה|הייתה|היתה)\s+)?פעיל(?:ים|ות|ה)?`, String.raw`${P}(?:עם\s+)?פעילות`]),
  ...recent('daysSinceLastPayment', [String.raw`${P}${PAID}`, String.raw`${P}(?:עם\s+)?תשלום`]),
  ...recent('daysSinceCreated', [String.raw`${P}${JOINED}`, String.raw`${P}(?:לקוחות\s+)?חדשים`]),
  ...phrasings([String.raw`${P}${JOINED}`], [String.raw`\s+לפני\s+(?<cmp>${HE_MORE})\s*(?<dur>${HE_DURATION})`], (g) =>
    daysCondition('daysSinceCreated', comparatorOf(g.cmp, undefined, '>='), g.dur),
  ),
  ...phrasings(
    [
      String.raw`${P}(?:הוציאו|הוציא|הוציאה|קנו|קנה|קנתה|רכשו|רכש|רכשה|שילמו|שילם|שילמה)(?:\s+(?:אצלנו|בעסק))?(?:\s+(?:בסך\s+הכול|בסך\s+הכל|בסה"כ|סה"כ|סך\s+הכל|במצטבר))?`,
      String.raw`${P}(?:עם\s+)?(?:סך\s+|סכום\s+)?ה?(?:רכישות|קניות|הוצאות|הוצאה)(?:\s+(?:כוללות|כולל|מצטברות|מצטבר))?(?:\s+של(?:הם|ו|ה|הן))?(?:\s+(?:הוא|היה|היו|בסך\s+של|בסכום\s+של|בסך|של))?`,
    ],
    MONEY_TAILS,
    moneyCondition,
  ),
  ...phrasings(
    [String.raw`${P}(?:ביקרו|ביקר|ביקרה|הגיעו|הגיע|הגיעה|באו)(?:\s+אצלנו)?(?:\s+(?:בסך\s+הכל|סה"כ))?`],
    [
      String.raw`\s+(?:(?<cmp>${HE_COMPARATOR})\s*)?(?:(?<n>${HE_COUNT})\s+(?:פעמים|פעם)|(?<two>פעמיים)|(?<one>פעם\s+אחת))(?:\s+(?<suf>${HE_SUFFIX}))?`,
    ],
    (g) => visitCountCondition(g, g.one ? '1' : g.two ? '2' : g.n),
  ),
  ...phrasings(
    [String.raw`${P}(?:עם|בעלי)\s+`],
    [String.raw`(?:(?<cmp>${HE_COMPARATOR})\s*)?(?<n>${HE_COUNT})\s+ביקורים(?:\s+(?<suf>${HE_SUFFIX}))?`],
    (g) => visitCountCondition(g, g.n),
  ),
  ...phrasings(
    [
      String.raw`${P}לא\s+${VISITED}\s+(?:אף\s+פעם|מעולם|עדיין|בכלל|אפילו\s+פעם\s+אחת)`,
      String.raw`${P}(?:מעולם|אף\s+פעם|עוד|עדיין)\s+לא\s+${VISITED}`,
      String.raw`${P}(?:ללא|בלי|אין\s+(?:להם|לו|לה|להן)|עם\s+אפס)\s+(?:אף\s+)?ביקור(?:ים)?`,
    ],
    [''],
    () => condition('visitCount', '=', 0),
  ),
  ...phrasings([String.raw`${P}${TAGGED}`], AS_TAG, tagged),
  ...phrasings(
    [String.raw`${P}(?:עם|בעלי|בעלות|בעל|בעלת|יש\s+(?:להם|לו|לה|להן))\s+(?:את\s+)?${TAG_WORD}`, String.raw`${P}${TAGGED}`],
    [String.raw`\s+${TAG}`],
    tagged,
  ),
  ...phrasings([String.raw`${P}לא\s+${TAGGED}`], AS_TAG, notTagged),
  ...phrasings(
    [String.raw`${P}(?:ללא|בלי|אין\s+(?:להם|לו|לה|להן))\s+(?:את\s+)?${TAG_WORD}`, String.raw`${P}לא\s+${TAGGED}`],
    [String.raw`\s+${TAG}`],
    notTagged,
  ),
  ...phrasings(
    [String.raw`${P}${SUBSCRIBED}`, String.raw`${P}${AGREED}`, String.raw`${P}(?:עם|נתנו|בעלי)\s+${CONSENT_TO}`],
    [CHANNELS],
    consentTo(true),
  ),
  ...phrasings(
    [
      String.raw`${P}לא\s+${SUBSCRIBED}`,
      String.raw`${P}לא\s+${AGREED}`,
      String.raw`${P}(?:ללא|בלי)\s+${CONSENT_TO}`,
      String.raw`${P}(?:הוסרו|הוסר|הוסרה|הסירו|הסיר|הסירה|ביטלו|ביטל|ביטלה)(?:\s+את\s+(?:עצמם|עצמו|עצמה))?\s+(?:מ-?\s*|מרשימת\s+|את\s+)`,
    ],
    [CHANNELS],
    consentTo(false),
  ),
  ...phrasings(
    [
      String.raw`${P}(?:(?:חוגגים|חוגגות|חוגג|חוגגת)\s+|יש\s+(?:להם|לו|לה|להן)\s+|עם\s+|בעלי\s+)?(?:יום|ימי)\s+ה?הולדת(?:\s+של(?:הם|ו|ה|הן))?(?:\s+(?:הוא|חל|חלים|יוצא|יוצאים))?`,
      String.raw`${P}(?:נולדו|נולד|נולדה)`,
    ],
    [
      String.raw`\s+(?<months>ב(?:חודש\s+)?-?${HE_MONTH}(?:\s*(?:,|או)\s*(?:ב(?:חודש\s+)?-?)?${HE_MONTH})*)`,
      String.raw`\s+(?<rel>החודש(?:\s+(?:הזה|הנוכחי|הבא))?|בחודש\s+(?:הזה|הנוכחי|הבא|שעבר))`,
    ],
    (g, context) => birthdayCondition(g.months, g.rel ? (/הבא/.test(g.rel) ? 1 : /שעבר/.test(g.rel) ? -1 : 0) : undefined, context),
  ),
  ...phrasings(
    [
      String.raw`${P}(?:דוברי|דוברות|דוברים|דובר|דוברת)\s+`,
      String.raw`${P}(?:מדברים|מדברות|מדבר|מדברת|מעדיפים|מעדיפות)\s+(?:ב-?)?`,
      String.raw`${P}(?:שפתם|שפתו|שפתה|שפתן)\s+(?:היא\s+)?`,
      String.raw`${P}(?:השפה|שפת\s+ה?תקשורת)\s+(?:שלהם|שלו|שלה|שלהן)\s+(?:היא\s+)?`,
      String.raw`${P}(?:עם|בעלי)\s+(?:שפת|שפה)\s+`,
    ],
    [LANGUAGE],
    language,
  ),
];
