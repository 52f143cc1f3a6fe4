import { TemplateKey } from '../../notification.types';
import { variable, VariableKind as K } from '../template-variables';
import { button, email, lines, sms, type BuiltInTemplate } from './built-in-template';
import { CUSTOMER_VARIABLES, SAMPLE_END, SAMPLE_START } from './common-variables';

const APPOINTMENT_VARIABLES = [
  ...CUSTOMER_VARIABLES,
  variable('service.name', K.text, 'The booked service', { he: 'תספורת', en: 'Haircut' }),
  variable('calendar.name', K.text, 'Who (or which room or device) performs it', { he: 'יוסי', en: 'Yossi' }),
  variable('appointment.startsAt', K.instant, 'Start (ISO instant): `{{ appointment.startsAt | date }}`, `| time`', SAMPLE_START),
  variable('appointment.endsAt', K.instant, 'End (ISO instant)', SAMPLE_END),
  variable('appointment.localDate', K.date, 'Start date as the business reads it (YYYY-MM-DD)', '2026-05-03'),
  variable('appointment.localTime', K.time, 'Start time as the business reads it (HH:mm)', '10:30'),
  variable('appointment.meetingUrl', K.url, 'Online-meeting link, when the service has one', 'https://meet.example.com/cg-8f2c'),
  variable('selfServiceUrl', K.url, 'Where the customer reschedules or cancels', 'https://chatgrow.example/a/3kT9xQ'),
  variable('price', K.agorot, 'Price in agorot: `{{ price | money }}`', 12000),
];

const RESCHEDULED_VARIABLES = [
  ...APPOINTMENT_VARIABLES,
  variable('appointment.previousStartsAt', K.instant, 'The start before the change (ISO instant)', '2026-05-01T11:00:00.000Z'),
];

/** The appointment's details, in the plain-text part. */
const DETAILS_HE = [
  'שירות: {{ service.name }}',
  'מועד: {{ appointment.startsAt | date }} בשעה {{ appointment.startsAt | time }}',
  '{%- if calendar.name %}',
  'אצל: {{ calendar.name }}',
  '{%- endif %}',
  '{%- if price > 0 %}',
  'מחיר: {{ price | money }}',
  '{%- endif %}',
  '{%- if appointment.meetingUrl %}',
  'קישור לפגישה: {{ appointment.meetingUrl }}',
  '{%- endif %}',
];
const DETAILS_EN = [
  'Service: {{ service.name }}',
  'When: {{ appointment.startsAt | date }} at {{ appointment.startsAt | time }}',
  '{%- if calendar.name %}',
  'With: {{ calendar.name }}',
  '{%- endif %}',
  '{%- if price > 0 %}',
  'Price: {{ price | money }}',
  '{%- endif %}',
  '{%- if appointment.meetingUrl %}',
  'Meeting link: {{ appointment.meetingUrl }}',
  '{%- endif %}',
];

/** The same details in the HTML part. */
const DETAILS_HTML_HE =
  '<p><strong>שירות:</strong> {{ service.name }}<br>' +
  '<strong>מועד:</strong> {{ appointment.startsAt | date }} בשעה {{ appointment.startsAt | time }}' +
  '{% if calendar.name %}<br><strong>אצל:</strong> {{ calendar.name }}{% endif %}' +
  '{% if price > 0 %}<br><strong>מחיר:</strong> {{ price | money }}{% endif %}</p>' +
  '{% if appointment.meetingUrl %}<p><a href="{{ appointment.meetingUrl }}">קישור לפגישה</a></p>{% endif %}';
const DETAILS_HTML_EN =
  '<p><strong>Service:</strong> {{ service.name }}<br>' +
  '<strong>When:</strong> {{ appointment.startsAt | date }} at {{ appointment.startsAt | time }}' +
  '{% if calendar.name %}<br><strong>With:</strong> {{ calendar.name }}{% endif %}' +
  '{% if price > 0 %}<br><strong>Price:</strong> {{ price | money }}{% endif %}</p>' +
  '{% if appointment.meetingUrl %}<p><a href="{{ appointment.meetingUrl }}">Meeting link</a></p>{% endif %}';

const WHEN_SMS_HE = "{{ appointment.startsAt | date: 'compact' }} בשעה {{ appointment.startsAt | time }}";
const WHEN_SMS_EN = "{{ appointment.startsAt | date: 'compact' }} at {{ appointment.startsAt | time }}";

interface Wording {
  subject: string;
  intro: string;
  /** Extra text lines after the details (e.g. the previous time). */
  extra?: string[];
  extraHtml?: string;
  /** The self-service link's label, when the message offers it. */
  link?: string;
  closing: string;
  sms: string;
}

function appointmentTemplate(
  key: TemplateKey,
  description: string,
  he: Wording,
  en: Wording,
  variables = APPOINTMENT_VARIABLES,
): BuiltInTemplate {
  const build = (w: Wording, greeting: string, details: string[], detailsHtml: string) =>
    email(
      w.subject,
      lines(
        `${greeting} {{ customer.firstName }},`,
        '',
        w.intro,
        '',
        ...details,
        ...(w.extra ?? []),
        ...(w.link ? ['', `${w.link}: {{ selfServiceUrl }}`] : []),
        '',
        w.closing,
        '{{ business.name }}',
      ),
      lines(
        `<p>${greeting} {{ customer.firstName }},</p>`,
        `<p>${w.intro}</p>`,
        detailsHtml,
        ...(w.extraHtml ? [w.extraHtml] : []),
        ...(w.link ? [button('selfServiceUrl', w.link)] : []),
        `<p>${w.closing}<br>{{ business.name }}</p>`,
      ),
    );
  return {
    key,
    description,
    variables,
    sources: {
      email: { he: build(he, 'שלום', DETAILS_HE, DETAILS_HTML_HE), en: build(en, 'Hello', DETAILS_EN, DETAILS_HTML_EN) },
      sms: { he: sms(he.sms), en: sms(en.sms) },
    },
  };
}

export const APPOINTMENT_TEMPLATES: BuiltInTemplate[] = [
  appointmentTemplate(
    TemplateKey.appointmentBooked,
    'To the customer when an appointment is booked',
    {
      subject: "אישור תור: {{ service.name }}, {{ appointment.startsAt | date: 'compact' }} בשעה {{ appointment.startsAt | time }}",
      intro: 'התור שלך ב{{ business.name }} נקבע.',
      link: 'לשינוי או ביטול התור',
      closing: 'נתראה,',
      sms: `{{ customer.firstName }}, נקבע לך תור ל{{ service.name }} ב{{ business.name }} ב${WHEN_SMS_HE}. לשינוי או ביטול: {{ selfServiceUrl }}`,
    },
    {
      subject: "Appointment booked: {{ service.name }}, {{ appointment.startsAt | date: 'compact' }} at {{ appointment.startsAt | time }}",
      intro: 'Your appointment at {{ business.name }} is booked.',
      link: 'Change or cancel',
      closing: 'See you soon,',
      sms: `{{ customer.firstName }}, your {{ service.name }} appointment at {{ business.name }} is booked for ${WHEN_SMS_EN}. Change or cancel: {{ selfServiceUrl }}`,
    },
  ),
  appointmentTemplate(
    TemplateKey.appointmentRescheduled,
    'To the customer when an appointment moves to another time',
    {
      subject: "התור שלך הועבר: {{ appointment.startsAt | date: 'compact' }} בשעה {{ appointment.startsAt | time }}",
      intro: 'התור שלך ב{{ business.name }} הועבר למועד חדש.',
      extra: [
        '{%- if appointment.previousStartsAt %}',
        'המועד הקודם: {{ appointment.previousStartsAt | date }} בשעה {{ appointment.previousStartsAt | time }}',
        '{%- endif %}',
      ],
      extraHtml:
        '{% if appointment.previousStartsAt %}<p>המועד הקודם: {{ appointment.previousStartsAt | date }} בשעה {{ appointment.previousStartsAt | time }}</p>{% endif %}',
      link: 'לשינוי או ביטול התור',
      closing: 'נתראה,',
      sms: `{{ customer.firstName }}, התור שלך ל{{ service.name }} ב{{ business.name }} הועבר ל${WHEN_SMS_HE}. לשינוי או ביטול: {{ selfServiceUrl }}`,
    },
    {
      subject: "Appointment moved: {{ appointment.startsAt | date: 'compact' }} at {{ appointment.startsAt | time }}",
      intro: 'Your appointment at {{ business.name }} has moved to a new time.',
      extra: [
        '{%- if appointment.previousStartsAt %}',
        'Previously: {{ appointment.previousStartsAt | date }} at {{ appointment.previousStartsAt | time }}',
        '{%- endif %}',
      ],
      extraHtml:
        '{% if appointment.previousStartsAt %}<p>Previously: {{ appointment.previousStartsAt | date }} at {{ appointment.previousStartsAt | time }}</p>{% endif %}',
      link: 'Change or cancel',
      closing: 'See you soon,',
      sms: `{{ customer.firstName }}, your {{ service.name }} appointment at {{ business.name }} moved to ${WHEN_SMS_EN}. Change or cancel: {{ selfServiceUrl }}`,
    },
    RESCHEDULED_VARIABLES,
  ),
  appointmentTemplate(
    TemplateKey.appointmentCancelled,
    'To the customer when an appointment is cancelled',
    {
      subject: "התור שלך בוטל: {{ service.name }}, {{ appointment.startsAt | date: 'compact' }}",
      intro: 'התור שלך ב{{ business.name }} בוטל.',
      extra: ['', 'לקביעת תור חדש אפשר לפנות אלינו{% if business.phone %} בטלפון {{ business.phone }}{% endif %}.'],
      extraHtml: '<p>לקביעת תור חדש אפשר לפנות אלינו{% if business.phone %} בטלפון {{ business.phone }}{% endif %}.</p>',
      closing: 'בברכה,',
      sms: `{{ customer.firstName }}, התור שלך ל{{ service.name }} ב{{ business.name }} ב${WHEN_SMS_HE} בוטל.`,
    },
    {
      subject: "Appointment cancelled: {{ service.name }}, {{ appointment.startsAt | date: 'compact' }}",
      intro: 'Your appointment at {{ business.name }} has been cancelled.',
      extra: ['', 'To book again, contact us{% if business.phone %} at {{ business.phone }}{% endif %}.'],
      extraHtml: '<p>To book again, contact us{% if business.phone %} at {{ business.phone }}{% endif %}.</p>',
      closing: 'Best regards,',
      sms: `{{ customer.firstName }}, your {{ service.name }} appointment at {{ business.name }} on ${WHEN_SMS_EN} is cancelled.`,
    },
  ),
  appointmentTemplate(
    TemplateKey.appointmentReminder,
    'To the customer before an appointment (the business sets how long before)',
    {
      subject: "תזכורת: {{ service.name }}, {{ appointment.startsAt | date: 'compact' }} בשעה {{ appointment.startsAt | time }}",
      intro: 'תזכורת לתור שלך ב{{ business.name }}.',
      link: 'לשינוי או ביטול התור',
      closing: 'נתראה,',
      sms: `תזכורת: {{ customer.firstName }}, יש לך תור ל{{ service.name }} ב{{ business.name }} ב${WHEN_SMS_HE}. לשינוי או ביטול: {{ selfServiceUrl }}`,
    },
    {
      subject: "Reminder: {{ service.name }}, {{ appointment.startsAt | date: 'compact' }} at {{ appointment.startsAt | time }}",
      intro: 'A reminder of your appointment at {{ business.name }}.',
      link: 'Change or cancel',
      closing: 'See you soon,',
      sms: `Reminder: {{ customer.firstName }}, your {{ service.name }} appointment at {{ business.name }} is on ${WHEN_SMS_EN}. Change or cancel: {{ selfServiceUrl }}`,
    },
  ),
];
