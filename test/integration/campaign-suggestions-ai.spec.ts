import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OpenAiClient } from '../../src/infra/ai/openai.ai-client';
import { localSuggestions } from '../../src/modules/campaigns/suggestions/campaign-suggestions';
import { CampaignSuggestionsService } from '../../src/modules/campaigns/suggestions/campaign-suggestions.service';
import { startOpenAiFake, type OpenAiFake } from '../support/fake-openai';

const API_KEY = 'sk-test-campaigns';
const MODEL = 'gpt-4o-mini';
const REQUEST = { goal: 'birthday', locale: 'en', channel: 'sms' } as const;

describe('campaign suggestions with the OpenAI driver at the wire', () => {
  let fake: OpenAiFake;
  let service: CampaignSuggestionsService;
  before(async () => {
    fake = await startOpenAiFake({ apiKey: API_KEY, model: MODEL });
    service = new CampaignSuggestionsService(new OpenAiClient({ apiKey: API_KEY, baseUrl: fake.baseUrl, model: MODEL, timeoutMs: 500 }));
  });
  after(() => fake.close());

  it('asks with a strict JSON schema the API accepts, and offers the copy that passes the checks', async () => {
    const suggestions = [
      { subject: null, body: 'Happy birthday, {{ customer.firstName }}! The {{ business.name }} team wishes you a great year.' },
      { subject: null, body: "{{ customer.firstName }}, it's your day! Warm wishes from {{ business.name }}." },
    ];
    fake.next({ content: JSON.stringify({ suggestions }) });
    assert.deepEqual(await service.suggest(REQUEST), { suggestions, source: 'ai' });
    const format = fake.completions.at(-1)!.body.response_format!;
    assert.equal(format.type, 'json_schema');
    assert.equal(format.json_schema?.name, 'campaign_suggestions');
    assert.equal(format.json_schema?.strict, true);
  });

  it('offers the hand-written copy when the API fails or hangs', async () => {
    for (const answer of [{ status: 503 }, { stall: true as const }, { raw: '{"choices": []}' }]) {
      fake.next(answer);
      assert.deepEqual(await service.suggest(REQUEST), { suggestions: localSuggestions(REQUEST), source: 'local' }, JSON.stringify(answer));
    }
  });
});
