import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp, shutdownApp } from '../../src/app.factory';
import { validateEnv } from '../../src/infra/config/validate-env';
import { createTestDatabase } from './database';
import type { OpenApiDocument } from './openapi-document';
import { ContractViolations, watchResponses } from './response-contract';

export interface TestApp {
  app: NestExpressApplication;
  http: TestAgent;
  databaseUrl: string;
  dataDir: string;
  /** Shuts the app down; then fails if any answer it sent did not match its OpenAPI document. */
  close(): Promise<void>;
  /** Shuts this app down and boots a new one on the same database and data folder (a process restart). */
  restart(): Promise<TestApp>;
}

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

/**
 * The real application over HTTP, on its own database and data folder.
 * `env` overrides any variable (e.g. REDIS_URL, APP_ROLE, rate limits);
 * `logs: true` writes real log files to `<dataDir>/logs`.
 *
 * Every answer the app sends is checked against the OpenAPI document it
 * serves (status, media type, JSON body against the schema; see
 * response-contract.ts), and `close()` fails listing any that did not match.
 */
export async function startTestApp(env: Record<string, string> = {}, options: { logs?: boolean } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'chatgrow-test-'));
  return boot(db, dataDir, env, options, new ContractViolations());
}

async function boot(
  db: { url: string; drop(): Promise<void> },
  dataDir: string,
  env: Record<string, string>,
  options: { logs?: boolean },
  violations: ContractViolations,
): Promise<TestApp> {
  const config = validateEnv({
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    JWT_SECRET: TEST_JWT_SECRET,
    BCRYPT_ROUNDS: '4',
    LOG_LEVEL: 'error',
    RATE_LIMIT_MAX: '100000',
    LOGIN_RATE_LIMIT_MAX: '1000',
    ACCOUNT_RATE_LIMIT_MAX: '1000',
    CORS_ORIGINS: 'http://localhost:5173',
    // No test reaches a real gateway: unless a test points them at its fake, they refuse at once.
    CARDCOM_API_URL: 'http://127.0.0.1:9',
    GROW_API_URL: 'http://127.0.0.1:9',
    TRANZILA_API_URL: 'http://127.0.0.1:9',
    TRANZILA_REPORTS_URL: 'http://127.0.0.1:9',
    TRANZILA_PAGE_URL: 'http://127.0.0.1:9',
    WHATSAPP_GRAPH_URL: 'http://127.0.0.1:9',
    ...env,
  });
  const app = await createApp(config, { logs: options.logs ?? false });
  await app.init();
  const server = app.getHttpServer();
  const doc = (await request(server).get('/docs-json').expect(200)).body as OpenApiDocument;
  watchResponses(server, doc, violations);
  return {
    app,
    http: request(server),
    databaseUrl: db.url,
    dataDir,
    async close() {
      await shutdownApp(app);
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
      violations.assertNone();
    },
    async restart() {
      await shutdownApp(app);
      return boot(db, dataDir, env, options, violations);
    },
  };
}
