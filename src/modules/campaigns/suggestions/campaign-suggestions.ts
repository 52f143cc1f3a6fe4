import { smsSegmentation } from '../../../infra/sms/sms-segments';
import { BUSINESS_VARIABLES, CUSTOMER_VARIABLES } from '../../notifications/templates/built-ins/common-variables';
import { messageFormatFor } from '../../notifications/templates/locale-format';
import { parseTemplate, renderTemplate } from '../../notifications/templates/template-engine';
import { templateErrors } from '../../notifications/templates/template-validation';
import { sampleScope } from '../../notifications/templates/template-variables';
import { MessageLocale } from '../../notifications/notification.types';
import type { CampaignSuggestion, CampaignSuggestionRequest, SuggestionChannel, SuggestionLocale } from './campaign-suggestion.types';
import { ENGLISH_CAMPAIGN_COPY } from './english-campaign-copy';
import { HEBREW_CAMPAIGN_COPY } from './hebrew-campaign-copy';

/** The variables campaign copy may use: the customer's name and the business's details. */
export const CAMPAIGN_VARIABLES = [...CUSTOMER_VARIABLES, ...BUSINESS_VARIABLES];

export const SUGGESTION_LIMITS = {
  /** Suggestions in one answer. */
  min: 2,
  max: 3,
  subjectChars: 150,
  bodyChars: { email: 3_000, sms: 500 },
  /** An SMS with sample values and the opt-out line the sender adds stays within this many billable parts. */
  smsSegments: 3,
  /** Room kept for that opt-out line ("Reply STOP to opt out", "להסרה השב הסר"). */
  smsOptOutReserve: 25,
} as const;

/** The hand-written suggestions for a goal, language and channel (copies: callers may change them). */
export function localSuggestions(request: Pick<CampaignSuggestionRequest, 'goal' | 'locale' | 'channel'>): CampaignSuggestion[] {
  const copy = request.locale === 'he' ? HEBREW_CAMPAIGN_COPY : ENGLISH_CAMPAIGN_COPY;
  return copy[request.goal][request.channel].map((s) => ({ ...s }));
}

/** A link in copy nobody checked could lead anywhere: suggestions carry none. */
const LINK = /https?:\/\/|www\.|\b[a-z0-9-]+\.(?:com|co\.il|net|org|io|ly)\b/i;
/** The sender adds the opt-out; copy that carries its own would say it twice. */
const OWN_OPT_OUT =
  /reply\s+stop|text\s+stop|stop\s+to\s+(?:opt|unsubscribe|end)|unsubscribe|opt[\s-]?out|להסרה|השיבו\s+הסר|השב\s+הסר|הסרה\s+מ/i;

const localeOf = (locale: SuggestionLocale) => (locale === 'he' ? MessageLocale.he : MessageLocale.en);

/**
 * What keeps a candidate (the model's) from being offered, empty when nothing:
 * text within limits, a subject for email and none for SMS, no links, no
 * opt-out of its own, Liquid that parses and uses only the campaign variables,
 * and an SMS that stays within SUGGESTION_LIMITS.smsSegments with sample values.
 */
export function suggestionProblems(candidate: CampaignSuggestion, channel: SuggestionChannel, locale: SuggestionLocale): string[] {
  const problems: string[] = [];
  const { subject, body } = candidate;
  if (!body.trim()) problems.push('body: empty');
  if (body.length > SUGGESTION_LIMITS.bodyChars[channel])
    problems.push(`body: longer than ${SUGGESTION_LIMITS.bodyChars[channel]} characters`);
  if (channel === 'email') {
    if (!subject?.trim()) problems.push('subject: empty');
    else if (subject.length > SUGGESTION_LIMITS.subjectChars || /[\r\n]/.test(subject))
      problems.push('subject: not one line within the limit');
  } else if (subject !== null) problems.push('subject: an SMS has none');
  if (LINK.test(`${subject ?? ''} ${body}`)) problems.push('a link');
  if (OWN_OPT_OUT.test(body)) problems.push('an opt-out of its own');
  if (problems.length > 0) return problems;
  const scope = sampleScope(CAMPAIGN_VARIABLES, localeOf(locale));
  const format = messageFormatFor({ timezone: 'Asia/Jerusalem', currency: 'ILS' }, localeOf(locale));
  const source = channel === 'email' ? { subject: subject ?? '', body } : { body };
  problems.push(...templateErrors(source, CAMPAIGN_VARIABLES, { scope, format }).map((e) => e.message));
  if (problems.length === 0 && channel === 'sms') {
    const rendered = renderTemplate(parseTemplate(body, 'text'), scope, 'text', format);
    const parts = smsSegmentation(`${rendered}\n${'x'.repeat(SUGGESTION_LIMITS.smsOptOutReserve)}`).segments;
    if (parts > SUGGESTION_LIMITS.smsSegments) problems.push(`body: ${parts} SMS parts with the opt-out line`);
  }
  return problems;
}
