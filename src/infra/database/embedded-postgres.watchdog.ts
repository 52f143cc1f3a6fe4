import { ChildProcess, spawn } from 'node:child_process';
import { extname, join } from 'node:path';

const WATCHDOG_SCRIPT = join(__dirname, `embedded-postgres.watchdog-process${extname(__filename)}`);

/**
 * Starts the small process that stops the embedded PostgreSQL if this app dies
 * without stopping it. embedded-postgres spawns postgres as a plain child, which
 * outlives a killed parent. Detached and unref'd, so it neither holds the app's
 * event loop open nor shares its terminal signals; it exits by itself once the
 * server is gone, so it cannot outlive an orderly shutdown either.
 */
export function startEmbeddedPostgresWatchdog(postmasterPid: number): ChildProcess {
  const child = spawn(process.execPath, [WATCHDOG_SCRIPT, String(process.pid), String(postmasterPid)], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return child;
}
