import 'reflect-metadata';
import { Worker } from 'bullmq';
import { postgresQueueConnection, redisQueueConnection } from '../src/infra/queue/queue-connection';

/**
 * The floor of `bench:notify`, in a process of its own: a bare BullMQ Worker
 * whose processor does nothing, on the backend and with the connection
 * settings and concurrency the app's email worker has. IPC: reports "ready";
 * told `{ expect: n }`, answers `{ done, first, last }` once n more jobs have
 * completed (`last`: when the last one did); "stop" closes it.
 */
const queue = process.env.BENCH_NOOP_QUEUE!;
const concurrency = Number(process.env.BENCH_NOOP_CONCURRENCY);
const connection = process.env.BENCH_REDIS_URL
  ? redisQueueConnection(process.env.BENCH_REDIS_URL, process.env.BENCH_QUEUE_PREFIX!)
  : postgresQueueConnection(process.env.BENCH_DATABASE_URL!);

const worker = new Worker(queue, async () => undefined, {
  connection: connection.options as never,
  prefix: connection.prefix,
  concurrency,
});
// BENCH_NOOP_EXPECT: a worker started after its jobs were queued counts them from its first job.
let total = Number(process.env.BENCH_NOOP_EXPECT ?? 0);
let done = 0;
let first = 0;
worker.on('completed', () => {
  const now = Date.now();
  if (done === 0) first = now;
  if (++done === total) process.send!({ done, first, last: now });
});
worker.on('error', (err) => process.stderr.write(`no-op worker: ${err.message}\n`));

void worker.waitUntilReady().then(() => process.send!('ready'));
// Orphaned (the benchmark was killed): go too.
process.on('disconnect', () => process.exit(1));
process.on('message', (m) => {
  if (m === 'stop') void worker.close().then(() => process.exit(0));
  else if (typeof m === 'object' && m && 'expect' in m) {
    total = Number(m.expect);
    done = 0;
  }
});
