import { TemplateKey } from '../../notification.types';
import { variable, VariableKind as K } from '../template-variables';
import { button, email, lines, type BuiltInTemplate } from './built-in-template';

export const MEMBER_TEMPLATES: BuiltInTemplate[] = [
  {
    key: TemplateKey.memberInvitation,
    description: 'To a person invited to join the business as a member (owner, admin or staff)',
    variables: [
      variable('member.name', K.text, "The invitee's name (may be empty)", { he: 'יוסי כהן', en: 'Yossi Cohen' }),
      variable('member.email', K.email, "The invitee's email", 'yossi@example.co.il'),
      variable('inviter.name', K.text, 'Who sent the invitation', { he: 'דנה לוי', en: 'Dana Levi' }),
      variable(
        'inviteUrl',
        K.url,
        'Where a new user sets a password (empty for an existing user)',
        'https://chatgrow.example/accept-invite?token=9c1d',
      ),
    ],
    sources: {
      email: {
        he: email(
          'הזמנה להצטרף ל{{ business.name }}',
          lines(
            'שלום{% if member.name %} {{ member.name }}{% endif %},',
            '',
            'הוזמנת להצטרף לצוות של {{ business.name }}{% if inviter.name %} (ההזמנה נשלחה על ידי {{ inviter.name }}){% endif %}.',
            '{% if inviteUrl %}להצטרפות ולבחירת סיסמה: {{ inviteUrl }}{% else %}אפשר להיכנס עם החשבון הקיים שלך ({{ member.email }}).{% endif %}',
            '',
            'אם לא ציפית להזמנה הזו, אפשר להתעלם ממנה.',
          ),
          lines(
            '<p>שלום{% if member.name %} {{ member.name }}{% endif %},</p>',
            '<p>הוזמנת להצטרף לצוות של {{ business.name }}{% if inviter.name %} (ההזמנה נשלחה על ידי {{ inviter.name }}){% endif %}.</p>',
            `{% if inviteUrl %}${button('inviteUrl', 'להצטרפות ולבחירת סיסמה')}{% else %}<p>אפשר להיכנס עם החשבון הקיים שלך ({{ member.email }}).</p>{% endif %}`,
            '<p>אם לא ציפית להזמנה הזו, אפשר להתעלם ממנה.</p>',
          ),
        ),
        en: email(
          'Invitation to join {{ business.name }}',
          lines(
            'Hello{% if member.name %} {{ member.name }}{% endif %},',
            '',
            'You are invited to join the team of {{ business.name }}{% if inviter.name %} (invited by {{ inviter.name }}){% endif %}.',
            '{% if inviteUrl %}To join and choose a password: {{ inviteUrl }}{% else %}Sign in with your existing account ({{ member.email }}).{% endif %}',
            '',
            'If you did not expect this invitation, you can ignore it.',
          ),
          lines(
            '<p>Hello{% if member.name %} {{ member.name }}{% endif %},</p>',
            '<p>You are invited to join the team of {{ business.name }}{% if inviter.name %} (invited by {{ inviter.name }}){% endif %}.</p>',
            `{% if inviteUrl %}${button('inviteUrl', 'Join and choose a password')}{% else %}<p>Sign in with your existing account ({{ member.email }}).</p>{% endif %}`,
            '<p>If you did not expect this invitation, you can ignore it.</p>',
          ),
        ),
      },
    },
  },
];
