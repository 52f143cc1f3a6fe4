import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextAttemptDelay, parseRetrySchedule } from './webhook-retry-schedule';

describe('webhook retry schedule', () => {
  it('reads the default schedule, which spans about a day over 7 attempts', () => {
    const s = parseRetrySchedule('1m,5m,30m,2h,6h,12h');
    assert.deepEqual(s, [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 43_200_000]);
    const hours = s.reduce((a, b) => a + b, 0) / 3_600_000;
    assert.ok(hours > 20 && hours < 24, String(hours));
    assert.deepEqual(parseRetrySchedule(' 50ms, 2s '), [50, 2_000]);
    assert.throws(() => parseRetrySchedule('5x'), /WEBHOOK_RETRY_SCHEDULE/);
  });

  it('waits each step ±20 % and stops after the last', () => {
    const s = [1_000, 10_000];
    assert.equal(
      nextAttemptDelay(s, 1, () => 0),
      800,
    );
    assert.equal(
      nextAttemptDelay(s, 1, () => 1),
      1_200,
    );
    assert.equal(
      nextAttemptDelay(s, 2, () => 0.5),
      10_000,
    );
    assert.equal(nextAttemptDelay(s, 3), null);
  });
});
