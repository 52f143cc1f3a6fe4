import { lines } from '../../notifications/templates/built-ins/built-in-template';
import type { CampaignCopy, CampaignSuggestion } from './campaign-suggestion.types';

/*
 * Hand-written Hebrew campaign copy. It speaks to one person without choosing a
 * gender: forms written the same for both (לך, אותך, שלך, רוצה) or the plural
 * (מוזמנים). The phone is written only when the business has one.
 */

const email = (subject: string, ...body: string[]): CampaignSuggestion => ({ subject, body: lines(...body) });
const sms = (body: string): CampaignSuggestion => ({ subject: null, body });

const CALL_OR_REPLY =
  '{% if business.phone %}אפשר להתקשר ל-{{ business.phone }} או להשיב למייל הזה.{% else %}אפשר פשוט להשיב למייל הזה.{% endif %}';
const phone = (label: string) => `{% if business.phone %} ${label} {{ business.phone }}{% endif %}`;

export const HEBREW_CAMPAIGN_COPY: CampaignCopy = {
  win_back: {
    email: [
      email(
        '{{ customer.firstName }}, מתגעגעים אליך',
        'שלום {{ customer.firstName }},',
        '',
        'עבר זמן מאז הביקור האחרון שלך ב{{ business.name }}, ורצינו לומר שאנחנו מתגעגעים.',
        `נשמח לראות אותך שוב. לקביעת תור ${CALL_OR_REPLY}`,
        '',
        'מחכים לך,',
        '{{ business.name }}',
      ),
      email(
        'מה שלומך, {{ customer.firstName }}?',
        'שלום {{ customer.firstName }},',
        '',
        'לא התראינו כבר תקופה, ורצינו לשאול מה שלומך.',
        'בינתיים המשכנו להשתפר, ונשמח מאוד לראות אותך שוב ב{{ business.name }}.',
        CALL_OR_REPLY,
        '',
        'בברכה,',
        '{{ business.name }}',
      ),
      email(
        'הגיע הזמן לפנק את עצמך',
        'היי {{ customer.firstName }},',
        '',
        'לפעמים כל מה שצריך זו תזכורת קטנה לעצור ולפנק את עצמך.',
        'הצוות של {{ business.name }} כאן בשבילך, ונשמח למצוא מועד שנוח לך.',
        CALL_OR_REPLY,
        '',
        'מחכים לך,',
        '{{ business.name }}',
      ),
    ],
    sms: [
      sms(`{{ customer.firstName }}, מתגעגעים אליך ב{{ business.name }}! נשמח לראות אותך שוב.${phone('לתיאום:')}`),
      sms(`היי {{ customer.firstName }}, עבר זמן מאז הביקור האחרון שלך. מוזמנים לחזור אלינו ל{{ business.name }}.${phone('לקביעת תור:')}`),
      sms(`{{ customer.firstName }}, הגיע הזמן לפינוק! ב{{ business.name }} מחכים לך.${phone('לתיאום:')}`),
    ],
  },
  birthday: {
    email: [
      email(
        'יום הולדת שמח, {{ customer.firstName }}!',
        'שלום {{ customer.firstName }},',
        '',
        'כל הצוות של {{ business.name }} מאחל לך יום הולדת שמח!',
        'שתהיה לך שנה מלאה בבריאות, בשמחה וברגעים טובים.',
        'נשמח לחגוג איתך בביקור הבא.',
        '',
        'באהבה,',
        '{{ business.name }}',
      ),
      email(
        'מזל טוב מ{{ business.name }}',
        'היי {{ customer.firstName }},',
        '',
        'רצינו להיות בין הראשונים לאחל לך מזל טוב!',
        'מקווים שהשנה החדשה תביא איתה הרבה סיבות לחייך.',
        `אם בא לך לחגוג עם פינוק, אנחנו כאן בשבילך. ${CALL_OR_REPLY}`,
        '',
        'חיבוק גדול,',
        '{{ business.name }}',
      ),
      email(
        'חוגגים איתך, {{ customer.firstName }}',
        'שלום {{ customer.firstName }},',
        '',
        'יום הולדת הוא הזדמנות מצוינת לעצור ולפנק את עצמך.',
        'כל הצוות של {{ business.name }} שולח לך ברכות חמות ומזמין אותך לחגוג אצלנו.',
        `לקביעת תור ${CALL_OR_REPLY}`,
        '',
        'מזל טוב!',
        '{{ business.name }}',
      ),
    ],
    sms: [
      sms('יום הולדת שמח, {{ customer.firstName }}! כל הצוות של {{ business.name }} מאחל לך שנה נפלאה.'),
      sms(`{{ customer.firstName }}, מזל טוב ליום ההולדת! נשמח לחגוג איתך ב{{ business.name }}.${phone('לתיאום:')}`),
      sms('מזל טוב {{ customer.firstName }}! מאחלים לך שנה של בריאות ושמחה. באהבה, {{ business.name }}'),
    ],
  },
  new_service: {
    email: [
      email(
        'חדש ב{{ business.name }}',
        'שלום {{ customer.firstName }},',
        '',
        'שמחים לספר שהוספנו שירות חדש ב{{ business.name }}, ואנחנו בטוחים שיתאים לך.',
        `רוצה לשמוע עוד או לקבוע תור? ${CALL_OR_REPLY}`,
        '',
        'בברכה,',
        '{{ business.name }}',
      ),
      email(
        '{{ customer.firstName }}, יש לנו חדשות',
        'היי {{ customer.firstName }},',
        '',
        'עבדנו על משהו חדש, והוא סוף סוף כאן: שירות חדש שהוספנו במיוחד בשביל לקוחות כמוך.',
        `נשמח לספר לך עליו בביקור הבא, או כבר עכשיו. ${CALL_OR_REPLY}`,
        '',
        'נתראה,',
        '{{ business.name }}',
      ),
      email(
        'שירות חדש שכדאי להכיר',
        'שלום {{ customer.firstName }},',
        '',
        'ב{{ business.name }} אנחנו תמיד מחפשים דרכים לתת לך יותר.',
        'לכן הוספנו שירות חדש, ואנחנו מזמינים אותך להיות מהראשונים לנסות אותו.',
        `לפרטים ולקביעת תור ${CALL_OR_REPLY}`,
        '',
        'בברכה,',
        '{{ business.name }}',
      ),
    ],
    sms: [
      sms(`{{ customer.firstName }}, חדש ב{{ business.name }}! הוספנו שירות חדש ונשמח לספר לך עליו.${phone('לפרטים:')}`),
      sms(`היי {{ customer.firstName }}, יש לנו שירות חדש ב{{ business.name }}. מוזמנים להיות מהראשונים לנסות!${phone('לתיאום:')}`),
      sms(`חדשות טובות מ{{ business.name }}: שירות חדש כבר כאן, ומחכה לך.${phone('לתיאום:')}`),
    ],
  },
  event_promotion: {
    email: [
      email(
        '{{ customer.firstName }}, מזמינים אותך לאירוע',
        'שלום {{ customer.firstName }},',
        '',
        'ב{{ business.name }} מארגנים אירוע מיוחד, ונשמח מאוד לראות אותך שם.',
        `מספר המקומות מוגבל, אז כדאי לשריין מקום כבר עכשיו. ${CALL_OR_REPLY}`,
        '',
        'מחכים לך,',
        '{{ business.name }}',
      ),
      email(
        'אירוע חדש ב{{ business.name }}',
        'היי {{ customer.firstName }},',
        '',
        'יש לנו אירוע חדש בלוח, וחשבנו עליך.',
        'זו הזדמנות להיפגש, ללמוד משהו חדש וליהנות יחד.',
        `לפרטים ולהרשמה ${CALL_OR_REPLY}`,
        '',
        'נתראה שם,',
        '{{ business.name }}',
      ),
      email(
        'אל תפספסו את האירוע הבא שלנו',
        'שלום {{ customer.firstName }},',
        '',
        'האירוע הבא של {{ business.name }} מתקרב, ואנחנו רוצים שיהיה לך מקום בו.',
        `להרשמה ולשאלות ${CALL_OR_REPLY}`,
        '',
        'בברכה,',
        '{{ business.name }}',
      ),
    ],
    sms: [
      sms(`{{ customer.firstName }}, מזמינים אותך לאירוע מיוחד ב{{ business.name }}! המקומות מוגבלים.${phone('להרשמה:')}`),
      sms(`היי {{ customer.firstName }}, יש אירוע חדש ב{{ business.name }} ונשמח לראות אותך.${phone('פרטים והרשמה:')}`),
      sms(`אל תפספסו! האירוע הבא של {{ business.name }} מתקרב.${phone('להרשמה:')}`),
    ],
  },
};
