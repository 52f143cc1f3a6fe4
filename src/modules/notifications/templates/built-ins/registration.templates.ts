import { TemplateKey } from '../../notification.types';
import { variable, VariableKind as K } from '../template-variables';
import { email, lines, sms, type BuiltInTemplate } from './built-in-template';
import { CUSTOMER_VARIABLES } from './common-variables';

const EVENT_VARIABLES = [
  ...CUSTOMER_VARIABLES,
  variable('event.title', K.text, "The event's title", { he: 'סדנת קרמיקה', en: 'Ceramics workshop' }),
  variable('event.startsAt', K.instant, 'Start (ISO instant): `{{ event.startsAt | date }}`, `| time`', '2026-05-20T15:00:00.000Z'),
  variable('event.endsAt', K.instant, 'End (ISO instant)', '2026-05-20T18:00:00.000Z'),
  variable('event.location', K.text, 'Where it takes place (may be empty)', { he: 'הרצל 1, תל אביב', en: '1 Herzl St, Tel Aviv' }),
  variable('event.onlineUrl', K.url, 'Online link (may be empty)', 'https://meet.example.com/ceramics'),
];
const PAID_EVENT_VARIABLES = [...EVENT_VARIABLES, variable('price', K.agorot, 'Price in agorot: `{{ price | money }}`', 18000)];
const WAITLIST_VARIABLES = [
  ...EVENT_VARIABLES,
  variable('registration.waitlistPosition', K.integer, 'Place on the waiting list (1 = next)', 3),
];

interface Wording {
  subject: string;
  intro: string;
  /** Whether the details list the price. */
  price: boolean;
  after?: string;
  closing: string;
  sms: string;
}

const detailsText = (he: boolean, price: boolean): string[] => [
  he
    ? 'מועד: {{ event.startsAt | date }} בשעה {{ event.startsAt | time }}'
    : 'When: {{ event.startsAt | date }} at {{ event.startsAt | time }}',
  '{%- if event.location %}',
  he ? 'מקום: {{ event.location }}' : 'Where: {{ event.location }}',
  '{%- endif %}',
  '{%- if event.onlineUrl %}',
  he ? 'קישור: {{ event.onlineUrl }}' : 'Link: {{ event.onlineUrl }}',
  '{%- endif %}',
  ...(price ? ['{%- if price > 0 %}', he ? 'מחיר: {{ price | money }}' : 'Price: {{ price | money }}', '{%- endif %}'] : []),
];

const detailsHtml = (he: boolean, price: boolean): string =>
  (he
    ? '<p><strong>מועד:</strong> {{ event.startsAt | date }} בשעה {{ event.startsAt | time }}' +
      '{% if event.location %}<br><strong>מקום:</strong> {{ event.location }}{% endif %}' +
      '{% if event.onlineUrl %}<br><strong>קישור:</strong> <a href="{{ event.onlineUrl }}">{{ event.onlineUrl }}</a>{% endif %}' +
      (price ? '{% if price > 0 %}<br><strong>מחיר:</strong> {{ price | money }}{% endif %}' : '')
    : '<p><strong>When:</strong> {{ event.startsAt | date }} at {{ event.startsAt | time }}' +
      '{% if event.location %}<br><strong>Where:</strong> {{ event.location }}{% endif %}' +
      '{% if event.onlineUrl %}<br><strong>Link:</strong> <a href="{{ event.onlineUrl }}">{{ event.onlineUrl }}</a>{% endif %}' +
      (price ? '{% if price > 0 %}<br><strong>Price:</strong> {{ price | money }}{% endif %}' : '')) + '</p>';

function eventTemplate(key: TemplateKey, description: string, he: Wording, en: Wording, variables = EVENT_VARIABLES): BuiltInTemplate {
  const build = (w: Wording, isHe: boolean) => {
    const greeting = isHe ? 'שלום' : 'Hello';
    return email(
      w.subject,
      lines(
        `${greeting} {{ customer.firstName }},`,
        '',
        w.intro,
        '',
        ...detailsText(isHe, w.price),
        ...(w.after ? ['', w.after] : []),
        '',
        w.closing,
        '{{ business.name }}',
      ),
      lines(
        `<p>${greeting} {{ customer.firstName }},</p>`,
        `<p>${w.intro}</p>`,
        detailsHtml(isHe, w.price),
        ...(w.after ? [`<p>${w.after}</p>`] : []),
        `<p>${w.closing}<br>{{ business.name }}</p>`,
      ),
    );
  };
  return {
    key,
    description,
    variables,
    sources: {
      email: { he: build(he, true), en: build(en, false) },
      sms: { he: sms(he.sms), en: sms(en.sms) },
    },
  };
}

const WHEN_SMS_HE = "{{ event.startsAt | date: 'compact' }} בשעה {{ event.startsAt | time }}";
const WHEN_SMS_EN = "{{ event.startsAt | date: 'compact' }} at {{ event.startsAt | time }}";
const CONTACT_HE = 'לשאלות אפשר לפנות אלינו{% if business.phone %} בטלפון {{ business.phone }}{% endif %}.';
const CONTACT_EN = 'Questions? Contact us{% if business.phone %} at {{ business.phone }}{% endif %}.';

export const REGISTRATION_TEMPLATES: BuiltInTemplate[] = [
  eventTemplate(
    TemplateKey.registrationConfirmed,
    'To the customer when a registration to an event is confirmed',
    {
      subject: 'ההרשמה ל{{ event.title }} אושרה',
      intro: 'ההרשמה שלך ל{{ event.title }} אושרה.',
      price: true,
      closing: 'נתראה,',
      sms: `{{ customer.firstName }}, ההרשמה ל{{ event.title }} ב${WHEN_SMS_HE} אושרה. {{ business.name }}`,
    },
    {
      subject: 'You are registered: {{ event.title }}',
      intro: 'Your registration to {{ event.title }} is confirmed.',
      price: true,
      closing: 'See you there,',
      sms: `{{ customer.firstName }}, you are registered to {{ event.title }} on ${WHEN_SMS_EN}. {{ business.name }}`,
    },
    PAID_EVENT_VARIABLES,
  ),
  eventTemplate(
    TemplateKey.registrationWaitlisted,
    'To the customer when an event is full and the registration joins the waiting list',
    {
      subject: 'נרשמת לרשימת ההמתנה: {{ event.title }}',
      intro:
        'האירוע {{ event.title }} מלא כרגע, ונרשמת לרשימת ההמתנה{% if registration.waitlistPosition %} (מקום {{ registration.waitlistPosition }}){% endif %}. אם יתפנה מקום נעדכן אותך.',
      price: false,
      closing: 'בברכה,',
      sms: "{{ customer.firstName }}, נרשמת לרשימת ההמתנה ל{{ event.title }} ב{{ event.startsAt | date: 'compact' }}. נעדכן אם יתפנה מקום. {{ business.name }}",
    },
    {
      subject: 'On the waiting list: {{ event.title }}',
      intro:
        '{{ event.title }} is full for now, and you are on the waiting list{% if registration.waitlistPosition %} (place {{ registration.waitlistPosition }}){% endif %}. We will let you know if a place opens up.',
      price: false,
      closing: 'Best regards,',
      sms: "{{ customer.firstName }}, you are on the waiting list for {{ event.title }} on {{ event.startsAt | date: 'compact' }}. We will let you know if a place opens up. {{ business.name }}",
    },
    WAITLIST_VARIABLES,
  ),
  eventTemplate(
    TemplateKey.registrationPromoted,
    'To the customer when a place opens up and a waiting-list registration is confirmed',
    {
      subject: 'התפנה לך מקום: {{ event.title }}',
      intro: 'התפנה מקום, וההרשמה שלך ל{{ event.title }} אושרה.',
      price: true,
      closing: 'נתראה,',
      sms: `{{ customer.firstName }}, התפנה מקום! ההרשמה ל{{ event.title }} ב${WHEN_SMS_HE} אושרה. {{ business.name }}`,
    },
    {
      subject: 'A place opened up: {{ event.title }}',
      intro: 'A place opened up, and your registration to {{ event.title }} is confirmed.',
      price: true,
      closing: 'See you there,',
      sms: `{{ customer.firstName }}, a place opened up! You are registered to {{ event.title }} on ${WHEN_SMS_EN}. {{ business.name }}`,
    },
    PAID_EVENT_VARIABLES,
  ),
  eventTemplate(
    TemplateKey.eventCancelled,
    'To every registered customer when the business cancels an event',
    {
      subject: 'האירוע בוטל: {{ event.title }}',
      intro: 'לצערנו האירוע {{ event.title }} בוטל.',
      price: false,
      after: CONTACT_HE,
      closing: 'בברכה,',
      sms: "{{ customer.firstName }}, לצערנו האירוע {{ event.title }} ב{{ event.startsAt | date: 'compact' }} בוטל. {{ business.name }}",
    },
    {
      subject: 'Event cancelled: {{ event.title }}',
      intro: 'We are sorry: {{ event.title }} has been cancelled.',
      price: false,
      after: CONTACT_EN,
      closing: 'Best regards,',
      sms: "{{ customer.firstName }}, we are sorry: {{ event.title }} on {{ event.startsAt | date: 'compact' }} is cancelled. {{ business.name }}",
    },
  ),
];
