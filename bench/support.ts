import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import autocannon from 'autocannon';
import Redis from 'ioredis';
import { dataSourceOptions } from '../src/infra/database/data-source-options';

/** The PostgreSQL server benchmarks use for their scratch databases. */
export const BENCH_PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A new, migrated scratch database; `drop()` removes it. */
export async function scratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `chatgrow_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: BENCH_PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  await admin.end();
  const u = new URL(BENCH_PG_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  const ds = await new DataSource(dataSourceOptions(url)).initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  return {
    url,
    async drop() {
      const c = new Client({ connectionString: BENCH_PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface LoadResult {
  label: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

/** Runs autocannon against one URL and keeps the figures we report. */
export async function load(
  label: string,
  url: string,
  headers: Record<string, string>,
  seconds = 10,
  connections = 50,
): Promise<LoadResult> {
  const r = await autocannon({ url, headers, duration: seconds, connections });
  return { label, requests: r.requests.total, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx };
}

export function printTable(rows: LoadResult[]): void {
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  process.stdout.write(`${'target'.padEnd(44)}${pad('req/s', 10)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('non-2xx', 9)}\n`);
  for (const r of rows)
    process.stdout.write(`${r.label.padEnd(44)}${pad(r.rps.toFixed(0), 10)}${pad(r.p50, 9)}${pad(r.p99, 9)}${pad(r.non2xx, 9)}\n`);
}

/** The p-th percentile of already sorted values (nearest rank, as every benchmark here reports it). */
export const percentile = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;

/** Deletes a benchmark's own Redis keys (its queue prefix), never anything else. */
export async function dropRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
  try {
    const stream = redis.scanStream({ match: `${prefix}:*`, count: 1000 });
    for await (const keys of stream as AsyncIterable<string[]>) if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
