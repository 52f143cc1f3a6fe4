import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AiError } from '../../../infra/ai/ai-error';
import { checkAudienceRule } from '../../customers/audience/audience-rule.schema';
import { ScriptedAiClient } from '../../../../test/support/scripted-ai-client';
import type { AudienceRule } from '../../customers/audience/audience-rule';
import { parseWithAi } from './segment-text-ai';

const context = { now: new Date('2026-05-31T22:30:00Z'), timeZone: 'Asia/Jerusalem' };
const RULE: AudienceRule = { match: 'all', rules: [{ field: 'tags', operator: 'contains', value: 'אוהבי פיצה' }] };

describe('segment text through the AI port', () => {
  it('asks for JSON with the rule language, the field catalogue and today in the business time zone, and returns the validated rule', async () => {
    const ai = new ScriptedAiClient().next(JSON.stringify({ rule: RULE }));
    assert.deepEqual(await parseWithAi(ai, 'לקוחות שאוהבים פיצה', checkAudienceRule, context), { ok: true, rule: RULE });
    const [request] = ai.requests;
    assert.equal(request.user, 'לקוחות שאוהבים פיצה');
    assert.deepEqual(request.format, { type: 'json_object' });
    assert.ok(request.maxTokens && request.maxTokens <= 1000);
    for (const field of ['totalSpendAgorot', 'daysSinceLastVisit', 'birthdayMonth', 'emailConsent', 'customField']) {
      assert.ok(request.system.includes(`- ${field}:`), `the catalogue names ${field}`);
    }
    assert.match(request.system, /JSON/);
    assert.match(request.system, /Today is 2026-06-01 \(month 6\)/, 'June already in Israel');
    assert.match(request.system, /\{"rule": null\}/);
  });

  it('reads an answer wrapped in a code fence', async () => {
    const ai = new ScriptedAiClient().next('```json\n' + JSON.stringify({ rule: RULE }) + '\n```');
    assert.deepEqual(await parseWithAi(ai, 'pizza lovers', checkAudienceRule, context), { ok: true, rule: RULE });
  });

  it('never returns a rule the validator refuses, nor one from an answer that is not a rule', async () => {
    const invented = { match: 'all', rules: [{ field: 'favouriteFood', operator: '=', value: 'pizza' }] };
    const answers = [
      'not json at all',
      '{"segment": {}}',
      JSON.stringify({ rule: invented }),
      JSON.stringify({ rule: 'DROP TABLE customers' }),
    ];
    for (const answer of answers) {
      const result = await parseWithAi(new ScriptedAiClient().next(answer), 'pizza lovers', checkAudienceRule, context);
      assert.equal(result.ok, false, answer);
      assert.equal(!result.ok && result.failure, 'invalid');
    }
    const refused = await parseWithAi(new ScriptedAiClient().next(JSON.stringify({ rule: invented })), 'x', checkAudienceRule, context);
    assert.ok(!refused.ok);
    assert.match(refused.detail, /rule\.rules\.0\.field/);
  });

  it('reports a description the model cannot express, and a failed call, without throwing', async () => {
    const unsupported = await parseWithAi(new ScriptedAiClient().next('{"rule": null}'), 'pizza lovers', checkAudienceRule, context);
    assert.deepEqual(unsupported, { ok: false, failure: 'unsupported', detail: 'the model found no rule for the description' });
    const failed = await parseWithAi(
      new ScriptedAiClient().next(new AiError('timeout', 'OpenAI did not answer within 15000 ms')),
      'pizza lovers',
      checkAudienceRule,
      context,
    );
    assert.deepEqual(failed, { ok: false, failure: 'error', detail: 'OpenAI did not answer within 15000 ms' });
  });

  it('lets a programming error through', async () => {
    await assert.rejects(parseWithAi(new ScriptedAiClient().next(new TypeError('bug')), 'x', checkAudienceRule, context), TypeError);
  });
});
