import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RECIPIENT_PREDECESSORS, RecipientStatus as S } from './campaign.types';

const canMove = (from: S, to: S) => RECIPIENT_PREDECESSORS[to].includes(from);

describe('campaign recipient statuses', () => {
  it('move forward only: a late report never undoes a later one', () => {
    assert.ok(canMove(S.queued, S.sent));
    assert.ok(canMove(S.sent, S.delivered));
    assert.ok(canMove(S.delivered, S.bounced));
    assert.ok(!canMove(S.delivered, S.sent));
    assert.ok(!canMove(S.bounced, S.delivered));
    assert.ok(!canMove(S.sent, S.suppressed), 'a message that left is not suppressed after');
  });

  it('record what left after a cancel, and nothing moves a recipient never sent to', () => {
    assert.ok(canMove(S.cancelled, S.sent));
    for (const to of Object.values(S)) {
      assert.ok(!canMove(S.suppressed, to), `suppressed → ${to}`);
      assert.ok(!canMove(S.skipped, to), `skipped → ${to}`);
    }
  });
});
