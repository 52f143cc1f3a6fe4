import { TemplateKey } from '../../notification.types';
import { variable, VariableKind as K, type TemplateVariable } from '../template-variables';
import { button, email, lines, type BuiltInTemplate } from './built-in-template';

const USER_NAME = variable('user.name', K.text, "The user's name (may be empty)", { he: 'דנה לוי', en: 'Dana Levi' });
const GREETING_HE = 'שלום{% if user.name %} {{ user.name }}{% endif %},';
const GREETING_EN = 'Hello{% if user.name %} {{ user.name }}{% endif %},';

interface Wording {
  subject: string;
  request: string;
  action: string;
  validity: string;
  ignore: string;
}

/** An account mail: a request, a link that expires, and what happens if the reader did not ask. Email only. */
function accountTemplate(
  key: TemplateKey,
  description: string,
  urlVariable: string,
  variables: TemplateVariable[],
  he: Wording,
  en: Wording,
): BuiltInTemplate {
  const build = (w: Wording, greeting: string) =>
    email(
      w.subject,
      lines(greeting, '', w.request, `${w.action} (${w.validity}):`, `{{ ${urlVariable} }}`, '', w.ignore),
      lines(`<p>${greeting}</p>`, `<p>${w.request}</p>`, button(urlVariable, w.action), `<p>(${w.validity})</p>`, `<p>${w.ignore}</p>`),
    );
  return {
    key,
    description,
    variables: [USER_NAME, ...variables],
    sources: { email: { he: build(he, GREETING_HE), en: build(en, GREETING_EN) } },
  };
}

export const ACCOUNT_TEMPLATES: BuiltInTemplate[] = [
  accountTemplate(
    TemplateKey.passwordReset,
    'To a user who asked to reset their password',
    'resetUrl',
    [
      variable('resetUrl', K.url, 'The one-time reset link', 'https://chatgrow.example/reset-password?token=4f8a'),
      variable('expiresInMinutes', K.integer, 'Minutes the link works', 60),
    ],
    {
      subject: 'איפוס הסיסמה שלך',
      request: 'קיבלנו בקשה לאפס את הסיסמה של החשבון שלך.',
      action: 'לבחירת סיסמה חדשה',
      validity: 'הקישור בתוקף {{ expiresInMinutes }} דקות',
      ignore: 'אם לא ביקשתם לאפס את הסיסמה, אפשר להתעלם מהודעה זו: הסיסמה לא תשתנה.',
    },
    {
      subject: 'Reset your password',
      request: 'We received a request to reset the password of your account.',
      action: 'Choose a new password',
      validity: 'the link works for {{ expiresInMinutes }} minutes',
      ignore: 'If you did not ask for this, ignore this message: your password stays as it is.',
    },
  ),
  accountTemplate(
    TemplateKey.emailVerification,
    'To a new user, to verify their email address',
    'verifyUrl',
    [
      variable('verifyUrl', K.url, 'The verification link', 'https://chatgrow.example/verify-email?token=b71e'),
      variable('expiresInHours', K.integer, 'Hours the link works', 24),
    ],
    {
      subject: 'אימות כתובת האימייל שלך',
      request: 'כדי להשלים את ההרשמה, נא לאמת את כתובת האימייל שלך.',
      action: 'לאימות הכתובת',
      validity: 'הקישור בתוקף {{ expiresInHours }} שעות',
      ignore: 'אם לא נרשמתם, אפשר להתעלם מהודעה זו.',
    },
    {
      subject: 'Verify your email address',
      request: 'To finish signing up, please verify your email address.',
      action: 'Verify my email',
      validity: 'the link works for {{ expiresInHours }} hours',
      ignore: 'If you did not sign up, ignore this message.',
    },
  ),
  accountTemplate(
    TemplateKey.emailChange,
    'To the new address, when a user changes their email',
    'confirmUrl',
    [
      variable('user.newEmail', K.email, 'The new address', 'dana.levi@example.co.il'),
      variable('confirmUrl', K.url, 'The confirmation link', 'https://chatgrow.example/confirm-email?token=c0d4'),
      variable('expiresInHours', K.integer, 'Hours the link works', 24),
    ],
    {
      subject: 'אישור כתובת האימייל החדשה',
      request: 'קיבלנו בקשה לשנות את כתובת האימייל של החשבון שלך ל-{{ user.newEmail }}.',
      action: 'לאישור הכתובת החדשה',
      validity: 'הקישור בתוקף {{ expiresInHours }} שעות',
      ignore: 'אם לא ביקשתם את השינוי, אפשר להתעלם מהודעה זו: הכתובת לא תשתנה.',
    },
    {
      subject: 'Confirm your new email address',
      request: 'We received a request to change the email address of your account to {{ user.newEmail }}.',
      action: 'Confirm the new address',
      validity: 'the link works for {{ expiresInHours }} hours',
      ignore: 'If you did not ask for this change, ignore this message: your address stays as it is.',
    },
  ),
];
