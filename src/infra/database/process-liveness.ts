import { readFileSync } from 'node:fs';

export type ProcessState = 'running' | 'zombie' | 'gone';

/**
 * Whether a process runs. `kill(pid, 0)` alone also says yes for a zombie (dead,
 * not yet reaped by its parent), which an orphaned postgres stays for seconds
 * under a slow init, so on Linux `/proc/<pid>/stat` tells the two apart.
 */
export function processState(pid: number): ProcessState {
  // 0 and negative numbers name process groups, not a process.
  if (!Number.isInteger(pid) || pid <= 0) return 'gone';
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists, under a user we may not signal.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return 'gone';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may hold spaces; the state letter follows the last ')'.
    return stat.charAt(stat.lastIndexOf(')') + 2) === 'Z' ? 'zombie' : 'running';
  } catch {
    return 'running';
  }
}

export function isProcessRunning(pid: number): boolean {
  return processState(pid) === 'running';
}

/** The arguments a process was started with, or undefined where there is no `/proc` to ask. */
export function processArguments(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, -1);
  } catch {
    return undefined;
  }
}
