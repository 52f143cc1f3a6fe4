import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppointmentConflictException } from './appointments.exception';

const at = (iso: string) => new Date(iso);

describe('the booking conflict message', () => {
  it('names the buffered ranges it compared, not only the appointment times', () => {
    const taken = { startsAt: at('2030-01-01T08:00:00Z'), endsAt: at('2030-01-01T08:30:00Z') };
    const requested = { startsAt: at('2030-01-01T08:40:00Z'), endsAt: at('2030-01-01T09:10:00Z') };
    const err = new AppointmentConflictException(
      { ...taken, blockedFrom: taken.startsAt, blockedTo: at('2030-01-01T08:45:00Z') },
      { ...requested, blockedFrom: at('2030-01-01T08:35:00Z'), blockedTo: requested.endsAt },
    );
    assert.equal(
      err.message,
      'The calendar is already booked at 2030-01-01T08:00:00.000Z–2030-01-01T08:30:00.000Z (with buffers 2030-01-01T08:00:00.000Z–2030-01-01T08:45:00.000Z); ' +
        'the requested 2030-01-01T08:40:00.000Z–2030-01-01T09:10:00.000Z (with buffers 2030-01-01T08:35:00.000Z–2030-01-01T09:10:00.000Z) overlaps it',
    );
  });

  it('says nothing of buffers when there are none', () => {
    const range = { startsAt: at('2030-01-01T08:00:00Z'), endsAt: at('2030-01-01T08:30:00Z') };
    const err = new AppointmentConflictException(null, { ...range, blockedFrom: range.startsAt, blockedTo: range.endsAt });
    assert.doesNotMatch(err.message, /buffers/);
  });
});
