import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OpenAiClient } from '../../src/infra/ai/openai.ai-client';
import type { AudienceRule } from '../../src/modules/customers/audience/audience-rule';
import { SegmentTextService } from '../../src/modules/segments/text/segment-text.service';
import { checkAudienceRule } from '../../src/modules/customers/audience/audience-rule.schema';
import { startOpenAiFake, type OpenAiFake } from '../support/fake-openai';

const API_KEY = 'sk-test-segments';
const MODEL = 'gpt-4o-mini';
const context = { now: new Date('2026-05-10T12:00:00Z'), timeZone: 'Asia/Jerusalem' };
const TEXT = 'לקוחות שאוהבים פיצה';

describe('segment text with the OpenAI driver at the wire', () => {
  let fake: OpenAiFake;
  let service: SegmentTextService;
  before(async () => {
    fake = await startOpenAiFake({ apiKey: API_KEY, model: MODEL });
    service = new SegmentTextService(new OpenAiClient({ apiKey: API_KEY, baseUrl: fake.baseUrl, model: MODEL, timeoutMs: 500 }));
  });
  after(() => fake.close());

  it('sends what the local parser could not read, as JSON mode with the rule language, and uses a valid rule', async () => {
    const rule: AudienceRule = { match: 'all', rules: [{ field: 'tags', operator: 'contains', value: 'פיצה' }] };
    fake.next({ content: JSON.stringify({ rule }) });
    assert.deepEqual(await service.parse(TEXT, context, checkAudienceRule), { ok: true, rule, source: 'ai', matched: [] });
    const { body } = fake.completions.at(-1)!;
    assert.deepEqual(body.response_format, { type: 'json_object' });
    assert.equal(body.messages[1].content, TEXT);
    assert.match(body.messages[0].content, /audience rule/);
  });

  it('refuses an invalid rule from the model: no rule, the local message', async () => {
    fake.next({ content: JSON.stringify({ rule: { match: 'some', rules: [{ field: 'password', operator: 'like', value: '%' }] } }) });
    const result = await service.parse(TEXT, context, checkAudienceRule);
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.source === 'ai' && result.aiFailure === 'invalid');
    assert.deepEqual(!result.ok && result.unknown, ['שאוהבים פיצה']);
  });

  it('falls back to the local refusal on garbage, an error status, or no answer in time', async () => {
    const cases: [Parameters<OpenAiFake['next']>[0], string][] = [
      [{ content: 'Sure! Here are the customers who love pizza.' }, 'invalid'],
      [{ status: 500 }, 'error'],
      [{ stall: true }, 'error'],
      [{ content: '{"rule": null}' }, 'unsupported'],
    ];
    for (const [answer, failure] of cases) {
      fake.next(answer);
      const result = await service.parse(TEXT, context, checkAudienceRule);
      assert.ok(!result.ok, JSON.stringify(answer));
      assert.equal(result.aiFailure, failure, JSON.stringify(answer));
      assert.match(result.message, /^לא הצלחנו להבין/);
    }
  });

  it('does not call the API when the local parser understands the text', async () => {
    const before = fake.requests.length;
    const result = await service.parse('spent over ₪500', context, checkAudienceRule);
    assert.ok(result.ok && result.source === 'local');
    assert.equal(fake.requests.length, before);
  });
});
