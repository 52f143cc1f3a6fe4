import type { AiResponseFormat } from '../../../infra/ai/ai.port';
import type { CampaignGoal, CampaignSuggestionRequest } from './campaign-suggestion.types';
import { CAMPAIGN_VARIABLES, SUGGESTION_LIMITS } from './campaign-suggestions';

const GOALS: Record<CampaignGoal, string> = {
  win_back: 'bring back customers who have not visited for a long time',
  birthday: 'wish customers a happy birthday (sent in their birthday month)',
  new_service: 'tell customers about a new service the business added',
  event_promotion: 'invite customers to an upcoming event of the business',
};

/** Structured Outputs: a list of {subject, body}; counts and lengths are checked after. */
export const SUGGESTIONS_FORMAT: AiResponseFormat = {
  type: 'json_schema',
  name: 'campaign_suggestions',
  strict: true,
  schema: {
    type: 'object',
    properties: {
      suggestions: {
        type: 'array',
        items: {
          type: 'object',
          properties: { subject: { type: ['string', 'null'] }, body: { type: 'string' } },
          required: ['subject', 'body'],
          additionalProperties: false,
        },
      },
    },
    required: ['suggestions'],
    additionalProperties: false,
  },
};

/** The instructions for campaign copy: the goal, the channel's rules, and our template variables. */
export function suggestionsSystemPrompt(request: CampaignSuggestionRequest): string {
  const hebrew = request.locale === 'he';
  const sms = request.channel === 'sms';
  const variables = CAMPAIGN_VARIABLES.map((v) => `{{ ${v.name} }} (${v.description})`).join(', ');
  return [
    `You write marketing ${sms ? 'SMS messages' : 'emails'} for a small business in Israel${request.businessName ? ` called "${request.businessName.slice(0, 100)}"` : ''}.`,
    `Goal: ${GOALS[request.goal]}.`,
    `Write ${SUGGESTION_LIMITS.max} different suggestions in ${hebrew ? 'natural, warm Hebrew' : 'natural, warm English'}, as JSON: {"suggestions": [{"subject": …, "body": …}]}.`,
    sms
      ? `SMS: "subject" is null; the body is short (at most ${hebrew ? 150 : 280} characters) and plain text.`
      : `Email: a "subject" of one line (at most ${SUGGESTION_LIMITS.subjectChars} characters); the body is plain text with line breaks, a greeting and a sign-off.`,
    `Personalise with these template variables only, written exactly so: ${variables}. Write the business name as {{ business.name }}, never as text.`,
    'An optional value is written inside {% if business.phone %}…{% endif %}. No other template syntax.',
    'No links, no prices, discounts, dates or details you were not given, and no opt-out or unsubscribe line: the sender adds it.',
    hebrew ? 'In Hebrew, address the reader without choosing a gender: forms written the same for both (לך, אותך, שלך) or the plural.' : '',
    sms && !hebrew ? 'Use only plain ASCII punctuation (straight \' and "), so the SMS is not billed as Unicode.' : '',
  ]
    .filter(Boolean)
    .join('\n');
}
