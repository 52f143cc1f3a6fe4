import { AiError } from '../../../infra/ai/ai-error';
import type { AiClient } from '../../../infra/ai/ai.port';
import type { AudienceRule } from '../../customers/audience/audience-rule';
import { segmentSystemPrompt, todayIn } from './segment-text-prompt';

/** The caller's check of a candidate rule (the audience rule JSON schema and limits). */
export type AudienceRuleValidation = { ok: true; rule: AudienceRule } | { ok: false; errors: unknown };
export type AudienceRuleValidator = (rule: unknown) => AudienceRuleValidation;

/**
 * Why the model gave no rule: `error` (the call failed: AiError), `unsupported`
 * (it said the description cannot be expressed), `invalid` (its answer is not
 * JSON, or the rule fails validation).
 */
export type AiSegmentFailure = 'error' | 'unsupported' | 'invalid';

export type AiSegmentResult = { ok: true; rule: AudienceRule } | { ok: false; failure: AiSegmentFailure; detail: string };

/** A rule in JSON is small: this caps cost and a model that rambles. */
const MAX_TOKENS = 800;

/** The answer as JSON, also when a model wraps it in a Markdown code fence. */
function parseAnswer(content: string): unknown {
  const unfenced = content.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/i, '$1');
  return JSON.parse(unfenced);
}

/**
 * Asks the model to translate a description into an audience rule and returns
 * it only when `validate` accepts it; anything else is a failure, never a rule.
 * Errors of the call are returned, not thrown, so callers fall back in one place.
 */
export async function parseWithAi(
  ai: AiClient,
  text: string,
  validate: AudienceRuleValidator,
  context: { now: Date; timeZone: string },
): Promise<AiSegmentResult> {
  let content: string;
  try {
    content = await ai.complete({
      system: segmentSystemPrompt(todayIn(context.now, context.timeZone)),
      user: text,
      format: { type: 'json_object' },
      maxTokens: MAX_TOKENS,
    });
  } catch (err) {
    if (err instanceof AiError) return { ok: false, failure: 'error', detail: err.message };
    throw err;
  }
  let answer: unknown;
  try {
    answer = parseAnswer(content);
  } catch {
    return { ok: false, failure: 'invalid', detail: 'the answer is not JSON' };
  }
  if (!answer || typeof answer !== 'object' || !('rule' in answer))
    return { ok: false, failure: 'invalid', detail: 'the answer has no "rule"' };
  if (answer.rule === null) return { ok: false, failure: 'unsupported', detail: 'the model found no rule for the description' };
  const checked = validate(answer.rule);
  if (!checked.ok)
    return { ok: false, failure: 'invalid', detail: `the rule fails validation: ${JSON.stringify(checked.errors).slice(0, 300)}` };
  return { ok: true, rule: checked.rule };
}
