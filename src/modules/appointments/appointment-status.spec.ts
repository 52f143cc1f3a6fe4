import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppointmentAction, AppointmentStatus, nextStatus } from './appointment-status';

const S = AppointmentStatus;
const ACTIONS: AppointmentAction[] = ['confirm', 'cancel', 'complete', 'no_show', 'reschedule'];

describe('appointment state machine', () => {
  it('moves pending and confirmed appointments along the allowed paths', () => {
    assert.equal(nextStatus(S.pending, 'confirm'), S.confirmed);
    assert.equal(nextStatus(S.pending, 'cancel'), S.cancelled);
    assert.equal(nextStatus(S.confirmed, 'cancel'), S.cancelled);
    assert.equal(nextStatus(S.confirmed, 'complete'), S.completed);
    assert.equal(nextStatus(S.pending, 'complete'), S.completed);
    assert.equal(nextStatus(S.confirmed, 'no_show'), S.no_show);
    assert.equal(nextStatus(S.pending, 'reschedule'), S.pending);
    assert.equal(nextStatus(S.confirmed, 'reschedule'), S.confirmed);
  });

  it('refuses confirming twice and every action on a final status', () => {
    assert.equal(nextStatus(S.confirmed, 'confirm'), null);
    for (const final of [S.cancelled, S.completed, S.no_show]) {
      for (const action of ACTIONS) assert.equal(nextStatus(final, action), null, `${action} from ${final}`);
    }
  });
});
