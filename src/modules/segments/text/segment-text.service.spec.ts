import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAudienceRule } from '../../customers/audience/audience-rule.schema';
import { ScriptedAiClient } from '../../../../test/support/scripted-ai-client';
import type { AudienceRule } from '../../customers/audience/audience-rule';
import type { AudienceRuleValidator } from './segment-text-ai';
import { SegmentTextService } from './segment-text.service';

const context = { now: new Date('2026-05-10T12:00:00Z'), timeZone: 'Asia/Jerusalem' };
const PIZZA: AudienceRule = { match: 'all', rules: [{ field: 'tags', operator: 'contains', value: 'pizza' }] };

describe('SegmentTextService', () => {
  it('answers from the local parser without asking the model', async () => {
    const ai = new ScriptedAiClient();
    const result = await new SegmentTextService(ai).parse('לקוחות שלא ביקרו חצי שנה', context, checkAudienceRule);
    assert.deepEqual(result, {
      ok: true,
      rule: { match: 'all', rules: [{ field: 'daysSinceLastVisit', operator: '>=', value: 180 }] },
      source: 'local',
      matched: ['שלא ביקרו חצי שנה'],
    });
    assert.equal(ai.requests.length, 0);
  });

  it('without an AI driver, returns the local parser’s refusal', async () => {
    const result = await new SegmentTextService(null).parse('customers who love pizza', context, checkAudienceRule);
    assert.ok(!result.ok);
    assert.equal(result.source, 'local');
    assert.deepEqual(result.unknown, ['love pizza']);
    assert.match(result.message, /Could not understand “love pizza”/);
  });

  it('asks the model only for words the parser did not understand, and uses its rule once validated', async () => {
    const ai = new ScriptedAiClient().next(JSON.stringify({ rule: PIZZA }));
    const result = await new SegmentTextService(ai).parse('customers who love pizza', context, checkAudienceRule);
    assert.deepEqual(result, { ok: true, rule: PIZZA, source: 'ai', matched: [] });
    assert.equal(ai.requests[0].user, 'customers who love pizza');
  });

  it('falls back to the local refusal, in the text’s language, when the model’s rule fails validation', async () => {
    const invented = { match: 'all', rules: [{ field: 'favouriteFood', operator: '=', value: 'pizza' }] };
    const ai = new ScriptedAiClient().next(JSON.stringify({ rule: invented }));
    const result = await new SegmentTextService(ai).parse('לקוחות שאוהבים פיצה', context, checkAudienceRule);
    assert.ok(!result.ok);
    assert.equal(result.source, 'ai');
    assert.equal(result.aiFailure, 'invalid');
    assert.deepEqual(result.unknown, ['שאוהבים פיצה']);
    assert.match(result.message, /^לא הצלחנו להבין/);
  });

  it('does not ask the model about an empty or too long text', async () => {
    const ai = new ScriptedAiClient();
    const service = new SegmentTextService(ai);
    for (const text of ['', 'customers', 'x'.repeat(501)]) {
      const result = await service.parse(text, context, checkAudienceRule);
      assert.ok(!result.ok);
      assert.equal(result.source, 'local');
    }
    assert.equal(ai.requests.length, 0);
  });

  it('validates the local rule too, and returns none that fails', async () => {
    const refuseAll: AudienceRuleValidator = () => ({ ok: false, errors: ['refused'] });
    const result = await new SegmentTextService(null).parse('tagged VIP', context, refuseAll);
    assert.equal(result.ok, false);
  });
});
