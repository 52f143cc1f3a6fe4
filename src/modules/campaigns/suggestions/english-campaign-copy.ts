import { lines } from '../../notifications/templates/built-ins/built-in-template';
import type { CampaignCopy, CampaignSuggestion } from './campaign-suggestion.types';

/*
 * Hand-written English campaign copy. SMS text keeps to the GSM-7 alphabet
 * (straight apostrophes), so a message is not billed as UCS-2. The phone is
 * written only when the business has one.
 */

const email = (subject: string, ...body: string[]): CampaignSuggestion => ({ subject, body: lines(...body) });
const sms = (body: string): CampaignSuggestion => ({ subject: null, body });

const CALL_OR_REPLY =
  '{% if business.phone %}Call us at {{ business.phone }} or reply to this email.{% else %}Just reply to this email.{% endif %}';
const phone = (label: string) => `{% if business.phone %} ${label} {{ business.phone }}{% endif %}`;

export const ENGLISH_CAMPAIGN_COPY: CampaignCopy = {
  win_back: {
    email: [
      email(
        'We miss you, {{ customer.firstName }}',
        'Hi {{ customer.firstName }},',
        '',
        "It's been a while since your last visit to {{ business.name }}, and we wanted to say we miss you.",
        `We'd love to see you again. ${CALL_OR_REPLY}`,
        '',
        'See you soon,',
        '{{ business.name }}',
      ),
      email(
        'How have you been, {{ customer.firstName }}?',
        'Hello {{ customer.firstName }},',
        '',
        "We haven't seen you in a while and wanted to check in.",
        "We've kept busy improving, and we'd be glad to welcome you back at {{ business.name }}.",
        CALL_OR_REPLY,
        '',
        'Warm regards,',
        '{{ business.name }}',
      ),
      email(
        'Time for a little treat?',
        'Hi {{ customer.firstName }},',
        '',
        'Sometimes all it takes is a small reminder to take some time for yourself.',
        "The team at {{ business.name }} is here for you, and we'll happily find a time that suits you.",
        CALL_OR_REPLY,
        '',
        'Hope to see you soon,',
        '{{ business.name }}',
      ),
    ],
    sms: [
      sms(`Hi {{ customer.firstName }}, we miss you at {{ business.name }}! We'd love to see you again.${phone('Book:')}`),
      sms(`{{ customer.firstName }}, it's been a while! Come back and see us at {{ business.name }}.${phone('Book:')}`),
      sms(`Time for a treat, {{ customer.firstName }}? {{ business.name }} would love to see you again.${phone('Call')}`),
    ],
  },
  birthday: {
    email: [
      email(
        'Happy birthday, {{ customer.firstName }}!',
        'Hi {{ customer.firstName }},',
        '',
        'Everyone at {{ business.name }} wishes you a very happy birthday!',
        'May the year ahead bring you health, joy and plenty of good moments.',
        "We'd love to celebrate with you on your next visit.",
        '',
        'Warm wishes,',
        '{{ business.name }}',
      ),
      email(
        'Birthday wishes from {{ business.name }}',
        'Hello {{ customer.firstName }},',
        '',
        'We wanted to be among the first to wish you a happy birthday!',
        `If you feel like celebrating with a little treat, we're here. ${CALL_OR_REPLY}`,
        '',
        'Have a wonderful day,',
        '{{ business.name }}',
      ),
      email(
        'Celebrating you today, {{ customer.firstName }}',
        'Hi {{ customer.firstName }},',
        '',
        'A birthday is the perfect excuse to treat yourself.',
        'The whole team at {{ business.name }} sends you warm wishes and would be happy to celebrate with you.',
        CALL_OR_REPLY,
        '',
        'Happy birthday!',
        '{{ business.name }}',
      ),
    ],
    sms: [
      sms('Happy birthday, {{ customer.firstName }}! Everyone at {{ business.name }} wishes you a wonderful year.'),
      sms(`{{ customer.firstName }}, happy birthday from {{ business.name }}! Come celebrate with us.${phone('Book:')}`),
      sms('Wishing you a very happy birthday, {{ customer.firstName }}! With love, the {{ business.name }} team'),
    ],
  },
  new_service: {
    email: [
      email(
        'New at {{ business.name }}',
        'Hi {{ customer.firstName }},',
        '',
        "We're excited to share that we've added a new service at {{ business.name }}, and we think you'll love it.",
        `Want to hear more or book a time? ${CALL_OR_REPLY}`,
        '',
        'Best,',
        '{{ business.name }}',
      ),
      email(
        '{{ customer.firstName }}, we have news',
        'Hello {{ customer.firstName }},',
        '',
        "We've been working on something new, and it's finally here: a new service we added with customers like you in mind.",
        `We'd be happy to tell you all about it on your next visit, or right now. ${CALL_OR_REPLY}`,
        '',
        'See you soon,',
        '{{ business.name }}',
      ),
      email(
        'A new service worth knowing about',
        'Hi {{ customer.firstName }},',
        '',
        "At {{ business.name }} we're always looking for ways to give you more.",
        "That's why we've added a new service, and we'd love for you to be among the first to try it.",
        CALL_OR_REPLY,
        '',
        'Best regards,',
        '{{ business.name }}',
      ),
    ],
    sms: [
      sms(`{{ customer.firstName }}, there's something new at {{ business.name }}! Ask us about our new service.${phone('Call')}`),
      sms(`Hi {{ customer.firstName }}, {{ business.name }} just added a new service. Be one of the first to try it!${phone('Book:')}`),
      sms(`Good news from {{ business.name }}: our new service is here and waiting for you.${phone('Book:')}`),
    ],
  },
  event_promotion: {
    email: [
      email(
        "{{ customer.firstName }}, you're invited",
        'Hi {{ customer.firstName }},',
        '',
        "{{ business.name }} is hosting a special event, and we'd love to see you there.",
        `Places are limited, so save your spot now. ${CALL_OR_REPLY}`,
        '',
        'See you there,',
        '{{ business.name }}',
      ),
      email(
        'A new event at {{ business.name }}',
        'Hello {{ customer.firstName }},',
        '',
        "There's a new event on our calendar, and we thought of you.",
        "It's a chance to meet, learn something new and have a good time together.",
        `We'd be glad to tell you more and save you a place. ${CALL_OR_REPLY}`,
        '',
        'Hope to see you,',
        '{{ business.name }}',
      ),
      email(
        "Don't miss our next event",
        'Hi {{ customer.firstName }},',
        '',
        "The next event at {{ business.name }} is coming up, and we'd like you to have a place.",
        `Want to sign up or ask a question? ${CALL_OR_REPLY}`,
        '',
        'Best,',
        '{{ business.name }}',
      ),
    ],
    sms: [
      sms(`{{ customer.firstName }}, you're invited to a special event at {{ business.name }}! Places are limited.${phone('Sign up:')}`),
      sms(`Hi {{ customer.firstName }}, there's a new event at {{ business.name }} and we'd love to see you.${phone('Details:')}`),
      sms(`Don't miss it! The next event at {{ business.name }} is coming up.${phone('Sign up:')}`),
    ],
  },
};
