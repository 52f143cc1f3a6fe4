import { TemplateKey } from '../../notification.types';
import { variable, VariableKind as K } from '../template-variables';
import { email, lines, type BuiltInTemplate } from './built-in-template';

const GREETING_HE = '{% if subscriber.name %}שלום {{ subscriber.name }},{% else %}שלום,{% endif %}';
const GREETING_EN = '{% if subscriber.name %}Hello {{ subscriber.name }},{% else %}Hello,{% endif %}';

/**
 * The marketing list's double opt-in mail (the Hebrew one says what the
 * hand-written mail of SubscriberMailer says). The sender adds the
 * unsubscribe line and headers.
 */
export const SUBSCRIBER_TEMPLATES: BuiltInTemplate[] = [
  {
    key: TemplateKey.subscriberConfirm,
    description: 'Double opt-in: asks a new subscriber to confirm their email address',
    variables: [
      variable('subscriber.name', K.text, "The subscriber's name (may be empty)", { he: 'נועה כהן', en: 'Noa Cohen' }),
      variable('subscriber.email', K.email, 'The address to confirm', 'noa@example.co.il'),
      variable('confirmUrl', K.url, 'The signed confirmation link', 'https://chatgrow.example/api/public/subscriptions/confirm/eyJ0'),
      variable('confirmValidDays', K.integer, 'Days the link works', 7),
    ],
    sources: {
      email: {
        he: email(
          'אישור הרשמה לדיוור של {{ business.name }}',
          lines(
            GREETING_HE,
            '',
            'קיבלנו בקשה לצרף את הכתובת {{ subscriber.email }} לרשימת הדיוור של {{ business.name }}.',
            'לאישור ההרשמה לחצו על הקישור (בתוקף {{ confirmValidDays }} ימים):',
            '{{ confirmUrl }}',
            '',
            'אם לא ביקשתם להירשם, אפשר להתעלם מהודעה זו ולא תצורפו לרשימה.',
          ),
          lines(
            `<p>${GREETING_HE}</p>`,
            '<p>קיבלנו בקשה לצרף את הכתובת {{ subscriber.email }} לרשימת הדיוור של {{ business.name }}.</p>',
            '<p><a href="{{ confirmUrl }}">לאישור ההרשמה לחצו כאן</a> (הקישור בתוקף {{ confirmValidDays }} ימים).</p>',
            '<p>אם לא ביקשתם להירשם, אפשר להתעלם מהודעה זו ולא תצורפו לרשימה.</p>',
          ),
        ),
        en: email(
          'Confirm your subscription to {{ business.name }}',
          lines(
            GREETING_EN,
            '',
            'We received a request to add {{ subscriber.email }} to the mailing list of {{ business.name }}.',
            'To confirm, open this link (valid for {{ confirmValidDays }} days):',
            '{{ confirmUrl }}',
            '',
            'If you did not ask to subscribe, ignore this message and you will not be added.',
          ),
          lines(
            `<p>${GREETING_EN}</p>`,
            '<p>We received a request to add {{ subscriber.email }} to the mailing list of {{ business.name }}.</p>',
            '<p><a href="{{ confirmUrl }}">Confirm my subscription</a> (the link is valid for {{ confirmValidDays }} days).</p>',
            '<p>If you did not ask to subscribe, ignore this message and you will not be added.</p>',
          ),
        ),
      },
    },
  },
];
