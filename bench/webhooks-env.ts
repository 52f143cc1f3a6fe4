/**
 * The app's environment in the processes of `bench:webhooks`, from the BENCH_*
 * variables the orchestrator passes: the scratch database, and Redis with the
 * run's own key prefix when the run is on Redis. The receiver is on 127.0.0.1,
 * so private addresses are allowed (as in tests; never in production).
 */
export function webhooksEnv(vars: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const redis = vars.BENCH_REDIS_URL;
  const env: Record<string, string | undefined> = {
    DATABASE_URL: vars.BENCH_DATABASE_URL,
    DATA_DIR: vars.BENCH_DATA_DIR,
    JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789',
    // The same key in every process of the run (endpoint secrets are sealed under it).
    ENCRYPTION_KEY: vars.BENCH_ENCRYPTION_KEY,
    LOG_LEVEL: 'error',
    RATE_LIMIT_MAX: '100000000',
    BCRYPT_ROUNDS: '4',
    WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
    QUEUE_DRIVER: redis ? 'redis' : 'postgres',
    REDIS_URL: redis,
    QUEUE_PREFIX: vars.BENCH_QUEUE_PREFIX,
    RATE_LIMIT_STORE: 'memory',
  };
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}
