import { Inject, Injectable, Logger } from '@nestjs/common';
import { AI_CLIENT, type AiClient } from '../../../infra/ai/ai.port';
import type { AudienceRule } from '../../customers/audience/audience-rule';
import { checkAudienceRule } from '../../customers/audience/audience-rule.schema';
import { type AiSegmentFailure, type AudienceRuleValidator, parseWithAi } from './segment-text-ai';
import { parseSegmentText } from './segment-text-parser';
import { localeOf, SEGMENT_TEXT_MESSAGES } from './segment-text-messages';

export type SegmentTextSource = 'local' | 'ai';

export type SegmentTextParse =
  /** `matched`: the parts the local parser understood (empty when the model read the text). */
  | { ok: true; rule: AudienceRule; source: SegmentTextSource; matched: string[] }
  /**
   * `message` (in the text's language) and `unknown` are the local parser's; `source: 'ai'` says the
   * model was asked too and `aiFailure` why it gave no rule.
   */
  | { ok: false; source: SegmentTextSource; message: string; unknown: string[]; aiFailure?: AiSegmentFailure };

/**
 * A description of customers as an audience rule: the local parser first; only
 * when it does not understand the text, and an AI driver is configured, the
 * model. Every rule returned has passed `validate`.
 */
@Injectable()
export class SegmentTextService {
  private readonly logger = new Logger('SegmentText');

  constructor(@Inject(AI_CLIENT) private readonly ai: AiClient | null) {}

  async parse(
    text: string,
    context: { now: Date; timeZone: string },
    validate: AudienceRuleValidator = (rule) => checkAudienceRule(rule),
  ): Promise<SegmentTextParse> {
    const local = parseSegmentText(text, context);
    if (local.ok) {
      const checked = validate(local.rule);
      if (checked.ok) return { ok: true, rule: checked.rule, source: 'local', matched: local.matched };
      this.logger.error(`The local parser built a rule that fails validation: ${JSON.stringify(checked.errors).slice(0, 300)}`);
      return {
        ok: false,
        source: 'local',
        message: SEGMENT_TEXT_MESSAGES.notUnderstood(localeOf(text), [text.trim()]),
        unknown: [text.trim()],
      };
    }
    // Only words not understood are worth a model's reading; an empty or too long text is not.
    if (!this.ai || local.unknown.length === 0) return { ...local, source: 'local' };
    const ai = await parseWithAi(this.ai, text, validate, context);
    if (ai.ok) return { ok: true, rule: ai.rule, source: 'ai', matched: [] };
    this.logger.warn(`AI segment parsing gave no rule (${ai.failure}): ${ai.detail}`);
    return { ok: false, source: 'ai', message: local.message, unknown: local.unknown, aiFailure: ai.failure };
  }
}
