import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, it } from 'node:test';
import { isProcessRunning } from '../../src/infra/database/process-liveness';
import { killAll, killEmbeddedLeftovers, postgresProcessesOf, postmasterPidOf, watchdogsOf } from '../support/embedded-postgres-processes';
import { TEST_PASSWORD } from '../support/factories';
import { freePort, RunningApp, startBuiltApp, waitForStatus } from '../support/process';

const EMAIL = 'crash@example.co.il';

describe('the embedded PostgreSQL after the app dies without shutting down', () => {
  // mkdtemp makes a 0700 folder: the app itself must let the unprivileged postgres user in.
  const root = mkdtempSync(join(tmpdir(), 'chatgrow-crash-'));
  const apps: RunningApp[] = [];
  const dataDirs: string[] = [];
  after(() => {
    killAll(apps.filter((app) => app.child.exitCode === null && app.child.signalCode === null).map((app) => app.child.pid!));
    for (const dataDir of dataDirs) killEmbeddedLeftovers(dataDir);
    rmSync(root, { recursive: true, force: true });
  });

  function start(env: Record<string, string>): RunningApp {
    const app = startBuiltApp(env);
    apps.push(app);
    return app;
  }

  /** A fresh DATA_DIR, an app running on it and a user registered there. */
  async function firstRun(name: string) {
    const dataDir = join(root, name);
    dataDirs.push(dataDir);
    const env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      EMBEDDED_PG_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      BCRYPT_ROUNDS: '4',
    };
    const base = `http://127.0.0.1:${env.PORT}`;
    const app = start(env);
    await waitForStatus(`${base}/health/ready`, 200, app);
    const registered = await fetch(`${base}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: TEST_PASSWORD, name: 'דנה', businessName: 'סטודיו' }),
    });
    assert.equal(registered.status, 201);
    return { dataDir, env, base, app, postmaster: postmasterPidOf(dataDir) };
  }

  async function assertRestartKeepsData(env: Record<string, string>, base: string): Promise<RunningApp> {
    const app = start(env);
    await waitForStatus(`${base}/health/ready`, 200, app);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: TEST_PASSWORD }),
    });
    assert.equal(login.status, 200, app.output());
    assert.equal(((await login.json()) as { user: { name: string } }).user.name, 'דנה');
    return app;
  }

  async function stopCleanly(app: RunningApp): Promise<void> {
    app.child.kill('SIGTERM');
    assert.equal(await app.exited, 0, app.output());
  }

  async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) return false;
      await sleep(100);
    }
    return true;
  }

  it('starts again at once after kill -9 of the app alone, with its data', async () => {
    const first = await firstRun('app-killed');
    first.app.child.kill('SIGKILL');
    await first.app.exited;

    const second = await assertRestartKeepsData(first.env, first.base);
    assert.ok(!isProcessRunning(first.postmaster), 'the old server is gone');
    await stopCleanly(second);
  });

  it('stops the orphaned server a killed app and its watchdog left behind, and starts afresh', async () => {
    const first = await firstRun('orphan');
    const watchdogs = watchdogsOf({ appPid: first.app.child.pid });
    assert.equal(watchdogs.length, 1, 'the app runs one watchdog');
    killAll([first.app.child.pid!, ...watchdogs]);
    await first.app.exited;
    await sleep(1500);
    assert.ok(isProcessRunning(first.postmaster), 'with nobody to stop it, the server stays up, orphaned');

    const second = await assertRestartKeepsData(first.env, first.base);
    assert.ok(!isProcessRunning(first.postmaster), 'the orphan was stopped');
    assert.match(second.output(), new RegExp(`Stopping the embedded PostgreSQL a previous run left running \\(PID ${first.postmaster}`));
    assert.notEqual(postmasterPidOf(first.dataDir), first.postmaster);
    await stopCleanly(second);
  });

  it('starts again after kill -9 of the app and its whole database at once (a machine reset), with its data', async () => {
    const first = await firstRun('all-killed');
    const postgres = postgresProcessesOf(first.dataDir);
    assert.ok(postgres.includes(first.postmaster) && postgres.length > 3, `postmaster and backends found: ${postgres.join(' ')}`);
    killAll([first.app.child.pid!, ...watchdogsOf({ appPid: first.app.child.pid }), ...postgres]);
    await first.app.exited;

    const second = await assertRestartKeepsData(first.env, first.base);
    await stopCleanly(second);
  });

  it('the watchdog stops the server within seconds of kill -9 of the app, cleanly', async () => {
    const first = await firstRun('watchdog');
    first.app.child.kill('SIGKILL');
    await first.app.exited;

    assert.ok(await waitUntil(() => !isProcessRunning(first.postmaster), 10_000), 'the orphaned server stopped');
    // A fast shutdown removes postmaster.pid; a crash would leave it.
    assert.ok(!existsSync(join(first.dataDir, 'pg', 'postmaster.pid')), 'it shut down cleanly');
    assert.ok(await waitUntil(() => watchdogsOf({ appPid: first.app.child.pid }).length === 0, 5_000), 'the watchdog exited');
  });

  it('starts over a stale postmaster.pid, whether its PID is dead or now used by another process', async () => {
    const first = await firstRun('stale-lock');
    const pgDir = join(first.dataDir, 'pg');
    const lockFile = join(pgDir, 'postmaster.pid');
    const lock = readFileSync(lockFile, 'utf8');
    await stopCleanly(first.app);
    // What a machine reset leaves: the lock file of a server that is gone.
    const { uid, gid } = statSync(pgDir);
    const staleLock = (pid: number) => {
      writeFileSync(lockFile, lock.replace(/^\d+\n/, `${pid}\n`), { mode: 0o600 });
      chownSync(lockFile, uid, gid);
    };

    const done = spawn('true');
    await new Promise((ok) => done.once('exit', ok));
    staleLock(done.pid!);
    await stopCleanly(await assertRestartKeepsData(first.env, first.base));

    // After a reboot the old PID may belong to any process of the postgres user; postgres
    // alone would refuse ("lock file already exists").
    const asPostgres = process.getuid?.() === 0 ? { uid, gid } : {};
    const reused = spawn('sleep', ['60'], { ...asPostgres, stdio: 'ignore' });
    try {
      staleLock(reused.pid!);
      const second = await assertRestartKeepsData(first.env, first.base);
      assert.match(second.output(), new RegExp(`Removing the stale .*postmaster.pid: PID ${reused.pid} is not its server`));
      assert.equal(reused.exitCode, null, 'the process that reused the PID is left alone');
      await stopCleanly(second);
    } finally {
      reused.kill('SIGKILL');
    }
  });

  it('refuses, naming the running app, when another app already runs the server of that DATA_DIR', async () => {
    const first = await firstRun('shared');
    const intruder = start({ ...first.env, PORT: String(await freePort()) });
    assert.notEqual(await intruder.exited, 0);
    assert.match(intruder.output(), new RegExp(`belongs to a running app \\(PID ${first.app.child.pid}\\)`));

    assert.equal((await fetch(`${first.base}/health/ready`)).status, 200, 'the first app keeps its database');
    assert.ok(isProcessRunning(first.postmaster));
    await stopCleanly(first.app);
  });

  it("exits with PostgreSQL's own words when the server cannot start", async () => {
    const first = await firstRun('bad-config');
    await stopCleanly(first.app);
    appendFileSync(join(first.dataDir, 'pg', 'postgresql.auto.conf'), "shared_buffers = 'plenty'\n");

    const broken = start(first.env);
    assert.notEqual(await broken.exited, 0);
    assert.match(broken.output(), /Startup failed: Error: Embedded PostgreSQL did not start after \d+ attempts/);
    assert.match(broken.output(), /invalid value for parameter "shared_buffers": "plenty"/);
    assert.doesNotMatch(broken.output(), /TypeError/);
  });
});
