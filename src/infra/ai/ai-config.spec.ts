import 'reflect-metadata';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Inject, Injectable, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { AiDriver } from '../config/env.schema';
import { ConfigValidationError, validateEnv } from '../config/validate-env';
import { createAiClient } from './ai-driver.factory';
import { AiModule } from './ai.module';
import { AI_CLIENT, type AiClient } from './ai.port';
import { OpenAiClient } from './openai.ai-client';

const dataDir = mkdtempSync(join(tmpdir(), 'chatgrow-ai-config-'));
const base = { DATA_DIR: dataDir, JWT_SECRET: 'a-secret-that-is-long-enough-for-the-schema-0123' };

function failure(raw: Record<string, string>): string {
  try {
    validateEnv({ ...base, ...raw });
  } catch (err) {
    assert.ok(err instanceof ConfigValidationError);
    return err.message;
  }
  assert.fail('validation passed');
}

/** What a feature service sees of the port once the module is wired. */
@Injectable()
class Caller {
  constructor(@Inject(AI_CLIENT) readonly ai: AiClient | null) {}
}

async function injected(raw: Record<string, string>): Promise<AiClient | null> {
  const env = validateEnv({ ...base, ...raw });
  @Module({
    imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, skipProcessEnv: true, load: [() => ({ ...env })] }), AiModule],
    providers: [Caller],
  })
  class Root {}
  const app = await NestFactory.createApplicationContext(Root, { logger: false });
  try {
    return app.get(Caller).ai;
  } finally {
    await app.close();
  }
}

describe('AI configuration', () => {
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('defaults to none: no client, and the OpenAI settings to their documented values', () => {
    const env = validateEnv({ ...base });
    assert.equal(env.AI_DRIVER, 'none');
    assert.equal(env.OPENAI_BASE_URL, 'https://api.openai.com/v1');
    assert.equal(env.OPENAI_MODEL, 'gpt-4o-mini');
    assert.equal(env.OPENAI_TIMEOUT_MS, 15_000);
    assert.equal(createAiClient(env), null);
  });

  it('stops boot when AI_DRIVER=openai lacks its key, naming both variables', () => {
    assert.match(failure({ AI_DRIVER: 'openai' }), /^Invalid configuration:\n {2}OPENAI_API_KEY: required when AI_DRIVER=openai$/);
    assert.match(
      failure({ AI_DRIVER: 'openai', OPENAI_API_KEY: '' }),
      /OPENAI_API_KEY: required when AI_DRIVER=openai/,
      'empty as in .env.example',
    );
  });

  it('checks the shape of the OpenAI settings', () => {
    const message = failure({ OPENAI_BASE_URL: 'api.openai.com/v1', OPENAI_MODEL: 'gpt 4o; drop', OPENAI_TIMEOUT_MS: '50' });
    assert.match(message, /OPENAI_BASE_URL: OPENAI_BASE_URL must be an http\(s\) URL/);
    assert.match(message, /OPENAI_MODEL: OPENAI_MODEL must be a model name/);
    assert.match(message, /OPENAI_TIMEOUT_MS:/);
    assert.equal(validateEnv({ ...base, OPENAI_MODEL: 'ft:gpt-4o-mini:acme:seg/1' }).OPENAI_MODEL, 'ft:gpt-4o-mini:acme:seg/1');
  });

  it('builds the OpenAI driver with its settings, and refuses one without a key at the factory too', () => {
    const env = validateEnv({ ...base, AI_DRIVER: 'openai', OPENAI_API_KEY: 'sk-test', OPENAI_MODEL: 'gpt-4.1-mini' });
    const client = createAiClient(env);
    assert.ok(client instanceof OpenAiClient);
    assert.equal(client.model, 'gpt-4.1-mini');
    assert.throws(
      () => createAiClient({ AI_DRIVER: AiDriver.openai, OPENAI_BASE_URL: 'https://api.openai.com/v1', OPENAI_MODEL: 'gpt-4o-mini' }),
      (err: Error) => err instanceof ConfigValidationError && /OPENAI_API_KEY: required when AI_DRIVER=openai/.test(err.message),
    );
    assert.throws(
      () => createAiClient({ AI_DRIVER: AiDriver.openai, OPENAI_API_KEY: 'sk-test', OPENAI_MODEL: 'gpt-4o-mini', OPENAI_TIMEOUT_MS: 1000 }),
      (err: Error) => err instanceof ConfigValidationError && /OPENAI_BASE_URL: required when AI_DRIVER=openai/.test(err.message),
    );
  });

  it('refuses an unknown driver, in validation and at the factory', () => {
    assert.match(failure({ AI_DRIVER: 'oracle' }), /AI_DRIVER: AI_DRIVER must be one of: none, openai/);
    assert.throws(
      () => createAiClient({ AI_DRIVER: 'oracle' as never }),
      (err: Error) =>
        err instanceof ConfigValidationError && /AI_DRIVER: unknown driver "oracle" \(one of: none, openai\)/.test(err.message),
    );
  });

  it('injects AI_CLIENT through AiModule: null for none, the OpenAI client for openai', async () => {
    assert.equal(await injected({}), null);
    assert.ok((await injected({ AI_DRIVER: 'openai', OPENAI_API_KEY: 'sk-test' })) instanceof OpenAiClient);
  });
});
