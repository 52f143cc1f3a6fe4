/** What a campaign is for. */
export type CampaignGoal = 'win_back' | 'birthday' | 'new_service' | 'event_promotion';
export const CAMPAIGN_GOALS: readonly CampaignGoal[] = ['win_back', 'birthday', 'new_service', 'event_promotion'];

export type SuggestionLocale = 'he' | 'en';
export type SuggestionChannel = 'email' | 'sms';

export interface CampaignSuggestionRequest {
  goal: CampaignGoal;
  locale: SuggestionLocale;
  channel: SuggestionChannel;
  /** Context for the model; the copy itself always writes the name as `{{ business.name }}`. */
  businessName?: string;
}

/**
 * One message to start from, in our template language (Liquid): `{{ customer.firstName }}`,
 * `{{ business.name }}`, `{{ business.phone }}`. `subject` for email only. Marketing
 * opt-out wording is not part of it: the sender adds it (SMS: a reply keyword line,
 * email: the unsubscribe footer and headers).
 */
export interface CampaignSuggestion {
  subject: string | null;
  body: string;
}

/** A map of copy: per goal, per channel. */
export type CampaignCopy = Record<CampaignGoal, Record<SuggestionChannel, CampaignSuggestion[]>>;
