import 'reflect-metadata';
import { createApp, shutdownApp } from '../src/app.factory';
import { validateEnv } from '../src/infra/config/validate-env';
import { webhooksEnv } from './webhooks-env';

/**
 * The app's workers for `bench:webhooks` (APP_ROLE=worker, as `npm run
 * start:worker`), in a process of their own: the webhook delivery job.
 * IPC: "ready" once the workers run; "stop" shuts down.
 */
async function main(): Promise<void> {
  const app = await createApp(validateEnv({ ...webhooksEnv(), APP_ROLE: 'worker' }), { logs: false });
  await app.init();
  process.send!('ready');
  process.on('disconnect', () => process.exit(1));
  process.on('message', (m) => {
    if (m === 'stop') void shutdownApp(app).then(() => process.exit(0));
  });
}

void main().catch((err: Error) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
