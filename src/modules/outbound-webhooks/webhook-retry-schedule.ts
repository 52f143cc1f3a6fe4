const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** `1m,5m,30m,2h,6h,12h` → the waits in ms (WEBHOOK_RETRY_SCHEDULE; its form is checked at boot). */
export function parseRetrySchedule(text: string): number[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = /^(\d+)(ms|s|m|h)$/.exec(s);
      if (!m) throw new Error(`WEBHOOK_RETRY_SCHEDULE: ${s} is not a wait such as 30s, 5m or 2h`);
      return Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
    });
}

/** ±20 % around each wait, so endpoints that failed together are not retried together. */
export const JITTER = 0.2;

/**
 * When attempt `attempt + 1` goes, after attempt `attempt` (1-based) failed:
 * null when `attempt` was the last (the schedule has one wait per retry).
 */
export function nextAttemptDelay(schedule: readonly number[], attempt: number, random: () => number = Math.random): number | null {
  const wait = schedule[attempt - 1];
  if (wait === undefined) return null;
  return Math.round(wait * (1 - JITTER + 2 * JITTER * random()));
}
