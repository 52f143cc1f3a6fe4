import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { createApp, shutdownApp } from '../src/app.factory';
import { validateEnv } from '../src/infra/config/validate-env';

/** The app for `bench:invoices`, in a process of its own: reports its port over IPC, stops on "stop". */
async function main(): Promise<void> {
  const env = validateEnv({
    DATABASE_URL: process.env.BENCH_DATABASE_URL,
    DATA_DIR: process.env.BENCH_DATA_DIR,
    JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789',
    LOG_LEVEL: 'error',
    RATE_LIMIT_MAX: '100000000',
    BCRYPT_ROUNDS: '4',
  });
  const app = await createApp(env, { logs: false });
  await app.listen(0, '127.0.0.1');
  process.send!({ port: (app.getHttpServer().address() as AddressInfo).port });
  process.on('message', (m) => {
    if (m === 'stop') void shutdownApp(app).then(() => process.exit(0));
  });
}

void main().catch((err: Error) => {
  process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});
