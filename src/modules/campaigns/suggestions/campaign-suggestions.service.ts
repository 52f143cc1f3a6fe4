import { Inject, Injectable, Logger } from '@nestjs/common';
import { AiError } from '../../../infra/ai/ai-error';
import { AI_CLIENT, type AiClient } from '../../../infra/ai/ai.port';
import type { CampaignSuggestion, CampaignSuggestionRequest } from './campaign-suggestion.types';
import { localSuggestions, SUGGESTION_LIMITS, suggestionProblems } from './campaign-suggestions';
import { SUGGESTIONS_FORMAT, suggestionsSystemPrompt } from './campaign-suggestions-prompt';

export interface CampaignSuggestions {
  suggestions: CampaignSuggestion[];
  /** `ai` when the model's copy was offered, `local` for the hand-written copy (no driver, or the model failed). */
  source: 'local' | 'ai';
}

/** The model's candidates as suggestions: those that pass every check, at most SUGGESTION_LIMITS.max. */
function acceptable(content: string, request: CampaignSuggestionRequest): { suggestions: CampaignSuggestion[]; refused: string[] } {
  const answer = JSON.parse(content) as { suggestions?: unknown };
  const candidates = Array.isArray(answer?.suggestions) ? answer.suggestions : [];
  const suggestions: CampaignSuggestion[] = [];
  const refused: string[] = [];
  for (const c of candidates as { subject?: unknown; body?: unknown }[]) {
    if (typeof c?.body !== 'string' || (c.subject !== null && typeof c.subject !== 'string')) {
      refused.push('not a {subject, body} pair');
      continue;
    }
    // An SMS subject the model filled anyway is dropped, not held against it.
    const candidate = { subject: request.channel === 'sms' ? null : (c.subject as string | null), body: c.body.trim() };
    const problems = suggestionProblems(candidate, request.channel, request.locale);
    if (problems.length > 0) refused.push(problems.join('; '));
    else if (suggestions.length < SUGGESTION_LIMITS.max) suggestions.push(candidate);
  }
  return { suggestions, refused };
}

/**
 * Campaign copy to start from: the model's, when an AI driver is configured
 * and at least SUGGESTION_LIMITS.min of its suggestions pass the checks;
 * otherwise (no driver, a failed call, too few good ones) the hand-written copy.
 */
@Injectable()
export class CampaignSuggestionsService {
  private readonly logger = new Logger('CampaignSuggestions');

  constructor(@Inject(AI_CLIENT) private readonly ai: AiClient | null) {}

  async suggest(request: CampaignSuggestionRequest): Promise<CampaignSuggestions> {
    const local = (): CampaignSuggestions => ({ suggestions: localSuggestions(request), source: 'local' });
    if (!this.ai) return local();
    try {
      const content = await this.ai.complete({
        system: suggestionsSystemPrompt(request),
        user: `Goal: ${request.goal}. Channel: ${request.channel}. Language: ${request.locale}.`,
        format: SUGGESTIONS_FORMAT,
        maxTokens: 1_500,
      });
      const { suggestions, refused } = acceptable(content, request);
      if (suggestions.length >= SUGGESTION_LIMITS.min) return { suggestions, source: 'ai' };
      this.logger.warn(`AI campaign copy refused (${suggestions.length} usable): ${refused.join(' | ').slice(0, 500)}`);
    } catch (err) {
      if (!(err instanceof AiError || err instanceof SyntaxError)) throw err;
      this.logger.warn(`AI campaign copy failed: ${err.message}`);
    }
    return local();
  }
}
