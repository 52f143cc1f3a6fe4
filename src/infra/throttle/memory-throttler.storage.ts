import type { ThrottlerStorage } from '@nestjs/throttler';

interface Window {
  hits: number;
  /** Epoch ms when the counting window ends. */
  endsAt: number;
  /** Epoch ms until which the key is blocked (0: not blocked). */
  blockedUntil: number;
}

/** Every this many increments, windows that have ended are swept away (amortised O(1); no timers). */
const SWEEP_EVERY = 4096;

/**
 * Fixed-window counters with blocking in one process, the same semantics as
 * the Redis storage. @nestjs/throttler's stock storage scans every stored hit
 * of a client on each request and schedules a timer per hit (which also keeps
 * the request's async context alive for the whole window); here a request
 * costs one map lookup, creates no timer, and ended windows are dropped by a
 * periodic sweep, so memory stays bounded by the clients of the current window.
 */
export class MemoryThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private untilSweep = SWEEP_EVERY;

  constructor(private readonly now: () => number = Date.now) {}

  /** How many keys are held (for tests and health). */
  get size(): number {
    return this.windows.size;
  }

  increment(key: string, ttl: number, limit: number, blockDuration: number, name: string): ReturnType<ThrottlerStorage['increment']> {
    const now = this.now();
    if (--this.untilSweep <= 0) this.sweep(now);
    const id = `${name}:${key}`;
    let w = this.windows.get(id);
    if (!w || (w.endsAt <= now && w.blockedUntil <= now)) {
      w = { hits: 0, endsAt: now + ttl, blockedUntil: 0 };
      this.windows.set(id, w);
    } else if (w.endsAt <= now) {
      w.hits = 0;
      w.endsAt = now + ttl;
    }
    const blocked = w.blockedUntil > now;
    if (!blocked) {
      w.hits++;
      if (w.hits > limit) w.blockedUntil = now + (blockDuration || ttl);
    }
    return Promise.resolve({
      totalHits: w.hits,
      timeToExpire: Math.max(0, Math.ceil((w.endsAt - now) / 1000)),
      isBlocked: w.blockedUntil > now,
      timeToBlockExpire: Math.max(0, Math.ceil((w.blockedUntil - now) / 1000)),
    });
  }

  private sweep(now: number): void {
    this.untilSweep = SWEEP_EVERY;
    for (const [id, w] of this.windows) if (w.endsAt <= now && w.blockedUntil <= now) this.windows.delete(id);
  }
}
