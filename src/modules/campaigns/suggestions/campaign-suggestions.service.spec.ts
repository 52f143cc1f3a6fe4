import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AiError } from '../../../infra/ai/ai-error';
import { ScriptedAiClient } from '../../../../test/support/scripted-ai-client';
import type { CampaignSuggestion } from './campaign-suggestion.types';
import { localSuggestions } from './campaign-suggestions';
import { CampaignSuggestionsService } from './campaign-suggestions.service';

const REQUEST = { goal: 'win_back', locale: 'he', channel: 'email', businessName: 'סטודיו דנה' } as const;
const GOOD: CampaignSuggestion[] = [
  { subject: '{{ customer.firstName }}, חוזרים אלינו?', body: 'שלום {{ customer.firstName }},\nמחכים לך ב{{ business.name }}.' },
  { subject: 'מתגעגעים', body: 'היי {{ customer.firstName }}, נשמח לראות אותך שוב.\n{{ business.name }}' },
  { subject: 'זמן לפינוק', body: '{% if business.phone %}התקשרו: {{ business.phone }}{% endif %}\n{{ business.name }}' },
];
const answer = (suggestions: unknown[]) => JSON.stringify({ suggestions });

describe('CampaignSuggestionsService', () => {
  it('offers the hand-written copy when no AI driver is configured', async () => {
    assert.deepEqual(await new CampaignSuggestionsService(null).suggest(REQUEST), {
      suggestions: localSuggestions(REQUEST),
      source: 'local',
    });
  });

  it('offers the model’s copy once it passes the checks, asking with a strict JSON schema', async () => {
    const ai = new ScriptedAiClient().next(answer(GOOD));
    assert.deepEqual(await new CampaignSuggestionsService(ai).suggest(REQUEST), { suggestions: GOOD, source: 'ai' });
    const [request] = ai.requests;
    assert.equal(request.format?.type, 'json_schema');
    assert.ok(request.format?.type === 'json_schema' && request.format.strict);
    assert.match(request.system, /called "סטודיו דנה"/);
    assert.match(request.system, /bring back customers/);
    assert.match(request.system, /\{\{ customer\.firstName \}\}/);
    assert.match(request.system, /without choosing a gender/);
  });

  it('keeps the good ones and drops the rest, when enough are good', async () => {
    const bad = { subject: 'Sale', body: 'Buy now at https://example.com' };
    const ai = new ScriptedAiClient().next(answer([GOOD[0], bad, GOOD[1]]));
    assert.deepEqual(await new CampaignSuggestionsService(ai).suggest(REQUEST), { suggestions: [GOOD[0], GOOD[1]], source: 'ai' });
  });

  it('takes at most three, and drops a subject the model wrote for an SMS', async () => {
    const sms = { ...REQUEST, channel: 'sms' } as const;
    const many = [1, 2, 3, 4].map((n) => ({ subject: 'ignored', body: `היי {{ customer.firstName }}, הודעה ${n} מ{{ business.name }}` }));
    const result = await new CampaignSuggestionsService(new ScriptedAiClient().next(answer(many))).suggest(sms);
    assert.equal(result.source, 'ai');
    assert.deepEqual(
      result.suggestions.map((s) => s.subject),
      [null, null, null],
    );
  });

  it('falls back to the hand-written copy when too few pass, on garbage, and on a failed call', async () => {
    const fallbacks = [
      answer([GOOD[0], { subject: 'x', body: 'Hi {{ customer.creditCard }}' }]),
      answer([{ subject: 1, body: 2 }, null]),
      'Here are some ideas: ...',
      '{"ideas": []}',
      new AiError('status', 'OpenAI answered 429: Rate limit reached', 429),
    ];
    for (const reply of fallbacks) {
      const result = await new CampaignSuggestionsService(new ScriptedAiClient().next(reply)).suggest(REQUEST);
      assert.deepEqual(result, { suggestions: localSuggestions(REQUEST), source: 'local' }, String(reply));
    }
  });

  it('lets a programming error through', async () => {
    await assert.rejects(new CampaignSuggestionsService(new ScriptedAiClient().next(new TypeError('bug'))).suggest(REQUEST), TypeError);
  });
});
