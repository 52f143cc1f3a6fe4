/**
 * When the sweeper looks at a payment again, in multiples of its interval
 * (PAYMENT_SWEEP_INTERVAL_MS, a minute by default): a pending payment is asked of
 * its gateway after 2, 5, 15, 30 and then every 60 intervals (a lost
 * notification is found within minutes, an abandoned page costs few calls); a
 * paid one whose pipeline has not finished is resumed after 2, then every 5.
 */
const POLL_STEPS = [2, 5, 15, 30, 60];

export function nextPoll(from: Date, checks: number, intervalMs: number): Date {
  return new Date(from.getTime() + POLL_STEPS[Math.min(checks, POLL_STEPS.length - 1)] * intervalMs);
}

export function nextResume(from: Date, checks: number, intervalMs: number): Date {
  return new Date(from.getTime() + (checks === 0 ? 2 : 5) * intervalMs);
}
