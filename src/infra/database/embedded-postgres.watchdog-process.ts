import { isProcessRunning } from './process-liveness';

/**
 * The watchdog process `startEmbeddedPostgresWatchdog()` runs beside the embedded
 * PostgreSQL. Arguments: the app's PID, the postmaster's PID. When the app dies
 * without its orderly shutdown (kill -9, OOM killer), nobody else would stop the
 * server: this asks it for a fast shutdown (SIGINT) and exits. It also exits once
 * the server is gone, whoever stopped it.
 */
const POLL_MS = 500;
const [appPid, postmasterPid] = process.argv.slice(2).map(Number);

setInterval(() => {
  if (!isProcessRunning(postmasterPid)) process.exit(0);
  if (isProcessRunning(appPid)) return;
  try {
    process.kill(postmasterPid, 'SIGINT');
  } catch {
    // Gone in between: nothing to stop.
  }
  process.exit(0);
}, POLL_MS);
