import 'reflect-metadata';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createAiClient } from '../../src/infra/ai/ai-driver.factory';
import { AiError, type AiFailure } from '../../src/infra/ai/ai-error';
import type { AiCompletionRequest } from '../../src/infra/ai/ai.port';
import { OpenAiClient } from '../../src/infra/ai/openai.ai-client';
import { validateEnv } from '../../src/infra/config/validate-env';
import { startOpenAiFake, type OpenAiFake } from '../support/fake-openai';
import { closedPort } from '../support/http-fake';

const API_KEY = 'sk-test-0123456789abcdefghijklmnopqrstuvwxyz';
const MODEL = 'gpt-4o-mini';

const SCHEMA = { type: 'object', properties: { match: { type: 'string' } }, required: ['match'] };
const request: AiCompletionRequest = {
  system: 'Translate the description into a JSON audience rule.',
  user: 'לקוחות שלא ביקרו חצי שנה',
  format: {
    type: 'json_schema',
    name: 'audience_rule',
    schema: SCHEMA,
    strict: false,
  },
  maxTokens: 400,
};

/** The AiError `complete` rejects with, checked for its failure kind and that it does not carry the key. */
async function failureOf(client: OpenAiClient, req: AiCompletionRequest = request): Promise<AiError> {
  try {
    await client.complete(req);
  } catch (err) {
    assert.ok(err instanceof AiError, `an AiError, not ${String(err)}`);
    assert.ok(!err.message.includes(API_KEY), 'the key never shows in an error');
    return err;
  }
  assert.fail('the completion succeeded');
}

const expectFailure = async (client: OpenAiClient, failure: AiFailure, message: RegExp, status?: number) => {
  const err = await failureOf(client);
  assert.equal(err.failure, failure, err.message);
  assert.match(err.message, message);
  assert.equal(err.status, status);
};

describe('AI: the OpenAI driver at the wire', () => {
  let fake: OpenAiFake;
  let client: OpenAiClient;
  before(async () => {
    fake = await startOpenAiFake({ apiKey: API_KEY, model: MODEL });
    client = new OpenAiClient({ apiKey: API_KEY, baseUrl: fake.baseUrl, model: MODEL, timeoutMs: 2_000 });
  });
  after(() => fake.close());

  it('posts one system and one user message with a Bearer key, and answers choices[0].message.content', async () => {
    fake.next({ content: '{"match":"all","rules":[]}' });
    assert.equal(await client.complete(request), '{"match":"all","rules":[]}');
    const { request: sent, body } = fake.completions.at(-1)!;
    assert.equal(sent.method, 'POST');
    assert.equal(sent.path, '/v1/chat/completions');
    assert.equal(sent.headers.authorization, `Bearer ${API_KEY}`);
    assert.match(sent.headers['content-type'] ?? '', /^application\/json/);
    assert.deepEqual(body, {
      model: MODEL,
      messages: [
        { role: 'system', content: request.system },
        { role: 'user', content: 'לקוחות שלא ביקרו חצי שנה' },
      ],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'audience_rule', schema: SCHEMA, strict: false },
      },
      max_completion_tokens: 400,
    });
    assert.ok(sent.body.includes('לקוחות שלא ביקרו'), 'Hebrew travels as UTF-8');
  });

  it('asks for a JSON object or plain text when told, and sends no token limit unless given', async () => {
    fake.next({ content: '{"ok":true}' }, { content: 'שלום' });
    assert.equal(await client.complete({ system: 'Answer in JSON.', user: 'hi', format: { type: 'json_object' } }), '{"ok":true}');
    assert.deepEqual(fake.completions.at(-1)!.body.response_format, { type: 'json_object' });
    assert.equal(await client.complete({ system: 'Answer briefly.', user: 'hi' }), 'שלום');
    const plain = fake.completions.at(-1)!.body;
    assert.equal('response_format' in plain, false);
    assert.equal('max_completion_tokens' in plain, false);
  });

  it('takes a base URL with a trailing slash, and is built from the validated config', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chatgrow-openai-'));
    try {
      const env = validateEnv({
        DATA_DIR: dataDir,
        JWT_SECRET: 'x'.repeat(40),
        AI_DRIVER: 'openai',
        OPENAI_API_KEY: API_KEY,
        OPENAI_BASE_URL: `${fake.baseUrl}/`,
      });
      fake.next({ content: 'from config' });
      assert.equal(await createAiClient(env)!.complete(request), 'from config');
      assert.equal(fake.requests.at(-1)!.path, '/v1/chat/completions');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('reports an error status with the API’s reason', async () => {
    fake.next({ status: 429, message: 'Rate limit reached for gpt-4o-mini', code: 'rate_limit_exceeded' });
    await expectFailure(client, 'status', /^OpenAI answered 429: Rate limit reached for gpt-4o-mini \(rate_limit_exceeded\)$/, 429);
    fake.next({ status: 500 });
    await expectFailure(client, 'status', /^OpenAI answered 500: The server had an error/, 500);
    fake.next({ raw: '<html>Bad gateway</html>', status: 502 });
    await expectFailure(client, 'status', /^OpenAI answered 502: <html>Bad gateway<\/html>$/, 502);
    const wrongKey = new OpenAiClient({ apiKey: 'sk-wrong', baseUrl: fake.baseUrl, model: MODEL, timeoutMs: 2_000 });
    await expectFailure(wrongKey, 'status', /^OpenAI answered 401: Incorrect API key provided/, 401);
    const wrongModel = new OpenAiClient({ apiKey: API_KEY, baseUrl: fake.baseUrl, model: 'gpt-9', timeoutMs: 2_000 });
    await expectFailure(wrongModel, 'status', /404: The model `gpt-9` does not exist.*\(model_not_found\)/, 404);
  });

  it('gives up after the timeout on an API that does not answer', async () => {
    const quick = new OpenAiClient({ apiKey: API_KEY, baseUrl: fake.baseUrl, model: MODEL, timeoutMs: 300 });
    fake.next({ stall: true });
    const started = Date.now();
    await expectFailure(quick, 'timeout', /did not answer within 300 ms/);
    assert.ok(Date.now() - started < 2_000, 'it does not wait for the socket');
  });

  it('reports an answer that is not a chat completion with text as malformed', async () => {
    for (const raw of [
      'this is not json',
      '{"object":"chat.completion","choices":[]}',
      '{"choices":[{"message":{"role":"assistant","content":null}}]}',
      'null',
    ]) {
      fake.next({ raw });
      await expectFailure(client, 'malformed', /not JSON|without text/);
    }
    fake.next({ content: '   ' });
    await expectFailure(client, 'malformed', /without text/);
  });

  it('reports a refusal and an answer cut at the token limit', async () => {
    fake.next({ refusal: "I'm sorry, I can't help with that." });
    await expectFailure(client, 'refusal', /declined: I'm sorry/);
    fake.next({ content: '{"match":"all","ru', finishReason: 'length' });
    await expectFailure(client, 'incomplete', /token limit/);
  });

  it('reports an API it cannot reach', async () => {
    const nowhere = new OpenAiClient({
      apiKey: API_KEY,
      baseUrl: `http://127.0.0.1:${await closedPort()}/v1`,
      model: MODEL,
      timeoutMs: 2_000,
    });
    await expectFailure(nowhere, 'unreachable', /^OpenAI unreachable: .*ECONNREFUSED/);
  });
});
