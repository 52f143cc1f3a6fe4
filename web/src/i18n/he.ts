import { customerToolsHe } from './customerTools.he';
import { homeHe } from './home.he';
import { appointmentsHe } from './appointments.he';
import { eventsHe } from './events.he';

import { paymentsHe } from './payments.he';
import { notificationsHe } from './notifications.he';
import { marketingHe } from './marketing.he';
import { automationsHe } from './automations.he';
import { settingsHe } from './settings.he';
/**
 * The Hebrew messages: the dashboard's default language and the source of its
 * keys (`en.ts` must have exactly the same ones; a unit test and the type
 * checker both hold it to that). `{name}` marks a value filled in at run time.
 */
export const he = {
  ...paymentsHe,
  'app.name': 'ChatGrow',
  'app.skipToContent': 'דילוג לתוכן הראשי',
  'app.loading': 'טוען…',
  'app.business': 'העסק: {name}',

  'nav.label': 'ניווט ראשי',
  'nav.menu': 'תפריט',
  'nav.home': 'בית',
  'nav.customers': 'לקוחות',
  'nav.appointments': 'תורים',
  'nav.events': 'אירועים',
  'nav.payments': 'תשלומים וחשבוניות',
  'nav.notifications': 'הודעות',
  'nav.marketing': 'שיווק',
  'nav.settings': 'הגדרות',

  'lang.toggle': 'English',
  'lang.toggleLabel': 'Switch to English',

  'auth.logout': 'התנתקות',

  'login.title': 'כניסה ל-ChatGrow',
  'login.intro': 'ניהול העסק: לקוחות, תורים, אירועים, תשלומים והודעות.',
  'login.email': 'אימייל',
  'login.password': 'סיסמה',
  'login.submit': 'כניסה',
  'login.submitting': 'נכנסים…',
  'login.failed': 'האימייל או הסיסמה אינם נכונים.',
  'login.expiredTitle': 'פג תוקף החיבור',
  'login.expired': 'יש להיכנס שוב כדי להמשיך. מה שהקלדתם נשמר, והפעולה תושלם אחרי הכניסה.',

  'errors.network': 'אין חיבור לשרת. בדקו את החיבור לאינטרנט ונסו שוב; מה שהקלדתם נשמר.',
  'errors.rateLimited': 'יותר מדי ניסיונות. נסו שוב בעוד כמה דקות.',
  'errors.unexpected': 'משהו השתבש. אפשר לנסות שוב; אם זה חוזר, מסרו לתמיכה את המזהה {requestId}.',
  'errors.form': 'יש לתקן את השדות המסומנים.',
  'errors.required': 'שדה חובה',

  'problem.customer.invalid_phone': 'מספר הטלפון אינו תקין.',
  'problem.customer.invalid_email': 'כתובת האימייל אינה תקינה.',
  'problem.customer.contact_required': 'יש למלא טלפון או אימייל.',
  'problem.customer.name_required': 'יש למלא שם פרטי.',
  'problem.customer.phone_taken': 'ללקוח אחר כבר יש את מספר הטלפון הזה.',
  'problem.customer.email_taken': 'ללקוח אחר כבר יש את כתובת האימייל הזו.',

  'problem.field.phone': 'מספר הטלפון אינו תקין (למשל \u2066050-1234567\u2069).',
  'problem.field.email': 'כתובת האימייל אינה תקינה.',
  'problem.field.birthday': 'התאריך אינו תקין.',

  ...homeHe,

  'customers.title': 'לקוחות',
  'customers.search': 'חיפוש לפי שם, טלפון או אימייל',
  'customers.filter': 'הצגה',
  'customers.filter.active': 'לקוחות פעילים',
  'customers.filter.archived': 'בארכיון',
  'customers.filter.all': 'כולם',
  'customers.new': 'לקוח חדש',
  'customers.count': '{count} לקוחות',
  'customers.empty': 'אין לקוחות שמתאימים לחיפוש.',
  'customers.emptyStart': 'עדיין אין לקוחות. הוסיפו את הראשון.',
  'customers.table': 'רשימת הלקוחות',
  'customers.col.name': 'שם',
  'customers.col.phone': 'טלפון',
  'customers.col.email': 'אימייל',
  'customers.col.tags': 'תגיות',
  'customers.col.spend': 'סך רכישות',
  'customers.col.lastActivity': 'פעילות אחרונה',
  'customers.col.actions': 'פעולות',
  'customers.archivedBadge': 'בארכיון',
  'customers.edit': 'עריכה',
  'customers.editOf': 'עריכת {name}',
  'customers.archive': 'העברה לארכיון',
  'customers.archiveOf': 'העברת {name} לארכיון',
  'customers.restore': 'שחזור',
  'customers.restoreOf': 'שחזור {name}',
  'customers.archived': '{name} הועבר/ה לארכיון.',
  'customers.restored': '{name} שוחזר/ה.',
  'customers.saved': '{name} נשמר/ה.',
  'customers.created': '{name} נוסף/ה ללקוחות.',
  'customers.prev': 'הקודם',
  'customers.next': 'הבא',
  'customers.page': 'עמוד {page} מתוך {pages}',
  'customers.pagination': 'מעבר בין עמודים',
  'customers.none': '—',

  'customerForm.newTitle': 'לקוח חדש',
  'customerForm.editTitle': 'עריכת לקוח',
  'customerForm.firstName': 'שם פרטי',
  'customerForm.lastName': 'שם משפחה',
  'customerForm.phone': 'טלפון',
  'customerForm.email': 'אימייל',
  'customerForm.contactHint': 'טלפון או אימייל: לפחות אחד מהם.',
  'customerForm.birthday': 'תאריך לידה',
  'customerForm.address': 'כתובת',
  'customerForm.tags': 'תגיות',
  'customerForm.tagsHint': 'מופרדות בפסיקים, למשל: VIP, לקוחה קבועה',
  'customerForm.language': 'שפת ההודעות ללקוח',
  'customerForm.notes': 'הערות',
  'customerForm.save': 'שמירה',
  'customerForm.saving': 'שומר…',
  'customerForm.cancel': 'ביטול',

  'lang.he': 'עברית',
  'lang.en': 'אנגלית',

  'notFound.title': 'העמוד לא נמצא',
  'notFound.back': 'חזרה לדף הבית',
  ...customerToolsHe,

  ...appointmentsHe,
  ...eventsHe,
  ...notificationsHe,
  ...marketingHe,
  ...automationsHe,
  ...settingsHe,
};

export type MessageKey = keyof typeof he;
export type Catalogue = Record<MessageKey, string>;
