/**
 * The app's environment in the processes of `bench:notify`, from the BENCH_*
 * variables the orchestrator passes: the scratch database, the SMTP sink, and
 * Redis with the run's own key prefix when the run is on Redis.
 */
export function notifyEnv(vars: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const redis = vars.BENCH_REDIS_URL;
  const env: Record<string, string | undefined> = {
    DATABASE_URL: vars.BENCH_DATABASE_URL,
    DATA_DIR: vars.BENCH_DATA_DIR,
    JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789',
    LOG_LEVEL: 'error',
    RATE_LIMIT_MAX: '100000000',
    BCRYPT_ROUNDS: '4',
    EMAIL_DRIVER: 'smtp',
    SMTP_URL: vars.BENCH_SMTP_URL,
    // The limiter protects a provider account; the sink needs no protection.
    EMAIL_MAX_PER_SECOND: '1000000',
    QUEUE_DRIVER: redis ? 'redis' : 'postgres',
    REDIS_URL: redis,
    QUEUE_PREFIX: vars.BENCH_QUEUE_PREFIX,
    // Only the queue uses the shared Redis; rate-limit counters stay in memory.
    RATE_LIMIT_STORE: 'memory',
  };
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}
