import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProcessEntry {
  pid: number;
  ppid: number;
  args: string[];
}

/** Every process /proc lists (Linux), with its parent and arguments. */
function processes(): ProcessEntry[] {
  const found: ProcessEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const args = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').filter(Boolean);
      found.push({ pid: Number(name), ppid, args });
    } catch {
      // Exited while we looked.
    }
  }
  return found;
}

/** The PID on line 1 of `<DATA_DIR>/pg/postmaster.pid`. */
export function postmasterPidOf(dataDir: string): number {
  return Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/**
 * The postmaster running on `<DATA_DIR>/pg` (its command line names the folder)
 * and its children (backends name only themselves, so they are found by parent).
 */
export function postgresProcessesOf(dataDir: string): number[] {
  const all = processes();
  const databaseDir = join(dataDir, 'pg');
  const postmasters = all.filter((p) => p.args.includes(databaseDir)).map((p) => p.pid);
  return [...postmasters, ...all.filter((p) => postmasters.includes(p.ppid)).map((p) => p.pid)];
}

/** Watchdogs (`node embedded-postgres.watchdog-process.js <appPid> <postmasterPid>`) of that app or that postmaster. */
export function watchdogsOf(pids: { appPid?: number; postmasterPid?: number }): number[] {
  return processes()
    .filter(({ args }) => args[1]?.endsWith('embedded-postgres.watchdog-process.js'))
    .filter(({ args }) => args[2] === String(pids.appPid) || args[3] === String(pids.postmasterPid))
    .map((p) => p.pid);
}

export function killAll(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** For `after` hooks: whatever a test left running on that data directory. */
export function killEmbeddedLeftovers(dataDir: string): void {
  const postgres = postgresProcessesOf(dataDir);
  killAll([...postgres.flatMap((pid) => watchdogsOf({ postmasterPid: pid })), ...postgres]);
}
