import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOpenApi, createApp, shutdownApp } from '../src/app.factory';
import { validateEnv } from '../src/infra/config/validate-env';

/**
 * Writes the OpenAPI document to openapi.json (committed; a test fails when
 * the code and the file drift apart). Uses DATABASE_URL when set, otherwise an
 * embedded PostgreSQL in a temporary folder.
 */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chatgrow-openapi-'));
  const env = validateEnv({
    ...process.env,
    PUBLIC_URL: undefined, // the document names the default server, whatever this machine's setting
    DATA_DIR: dataDir,
    NODE_ENV: 'development',
    LOG_LEVEL: 'error',
    EMBEDDED_PG_PORT: process.env.EMBEDDED_PG_PORT ?? '54331',
  });
  const app = await createApp(env, { logs: false });
  try {
    const file = join(__dirname, '../../openapi.json');
    writeFileSync(file, `${JSON.stringify(buildOpenApi(app, env.PUBLIC_URL), null, 2)}\n`);
    process.stdout.write(`Wrote ${file}\n`);
  } finally {
    await shutdownApp(app);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
