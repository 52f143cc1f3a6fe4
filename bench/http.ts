import 'reflect-metadata';
import { JwtService } from '@nestjs/jwt';
import express from 'express';
import { createSecretKey } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createApp, shutdownApp } from '../src/app.factory';
import { validateEnv } from '../src/infra/config/validate-env';
import { load, printTable, scratchDatabase } from './support';

/**
 * `npm run bench:http`: GET /api/auth/me on the real app (JWT verify, one
 * indexed SELECT of the membership with its user, guards, interceptors,
 * logging) against a bare Express + pg server doing the same verify and query.
 */
const SECRET = 'bench-secret-that-is-long-enough-0123456789';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

async function main(): Promise<void> {
  const db = await scratchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'chatgrow-bench-'));
  const env = validateEnv({
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    JWT_SECRET: SECRET,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_MAX: '100000000',
    BCRYPT_ROUNDS: '4',
    APP_ROLE: 'api',
  });
  const app = await createApp(env);
  await app.listen(0, '127.0.0.1');
  const appUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;

  const reg = await fetch(`${appUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.co.il', password: 'Sh4lom-Olam-2026', name: 'בנץ׳', businessName: 'בנצ׳מרק' }),
  });
  const { accessToken } = (await reg.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}` };

  const pool = new Pool({ connectionString: db.url, max: 20 });
  const jwt = new JwtService({ secret: createSecretKey(Buffer.from(SECRET, 'utf8')) as unknown as string });
  const bare = express();
  bare.get('/me', async (req, res) => {
    try {
      const claims = await jwt.verifyAsync<{ sub: string; bid: string }>((req.header('authorization') ?? '').slice(7), {
        algorithms: ['HS256'],
      });
      const { rows } = await pool.query(
        `SELECT u.id, u.name, u.email, m.role, m.business_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.business_id = $1 AND m.user_id = $2 AND m.status = 'active'`,
        [claims.bid, claims.sub],
      );
      if (!rows[0]) return void res.status(401).end();
      res.json({
        kind: 'user',
        id: rows[0].id,
        name: rows[0].name,
        email: rows[0].email,
        businessId: rows[0].business_id,
        role: rows[0].role,
      });
    } catch {
      res.status(401).end();
    }
  });
  const bareServer = bare.listen(0, '127.0.0.1');
  await new Promise((r) => bareServer.once('listening', r));
  const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}`;

  try {
    // Warm both up so JIT and pools are ready, then measure.
    await load('warm-up', `${appUrl}/api/auth/me`, headers, 2, CONNECTIONS);
    await load('warm-up', `${bareUrl}/me`, headers, 2, CONNECTIONS);
    const ours = await load('ChatGrow GET /api/auth/me', `${appUrl}/api/auth/me`, headers, SECONDS, CONNECTIONS);
    const base = await load('bare Express + pg (same verify and query)', `${bareUrl}/me`, headers, SECONDS, CONNECTIONS);
    process.stdout.write(`\n${SECONDS}s per target, ${CONNECTIONS} connections, one process each, PostgreSQL on the same machine\n`);
    printTable([ours, base]);
    process.stdout.write(
      `\nratio ChatGrow / bare: ${(ours.rps / base.rps).toFixed(2)} of the throughput, p99 ${(ours.p99 / Math.max(base.p99, 1)).toFixed(2)}x\n`,
    );
  } finally {
    bareServer.close();
    await pool.end();
    await shutdownApp(app);
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
