import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/problem/app.exception';

type BlockedRange = { startsAt: Date; endsAt: Date; blockedFrom: Date; blockedTo: Date };

/** An appointment's time, and the range its buffers block when they widen it. */
function describe(range: BlockedRange): string {
  const own = `${range.startsAt.toISOString()}–${range.endsAt.toISOString()}`;
  const buffered = range.blockedFrom.getTime() !== range.startsAt.getTime() || range.blockedTo.getTime() !== range.endsAt.getTime();
  return buffered ? `${own} (with buffers ${range.blockedFrom.toISOString()}–${range.blockedTo.toISOString()})` : own;
}

/** 409 naming the time that is taken, so the client can show it and offer another. */
export class AppointmentConflictException extends AppException {
  constructor(conflict: BlockedRange | null, requested: BlockedRange) {
    const when = conflict ? describe(conflict) : 'the requested time';
    super(
      HttpStatus.CONFLICT,
      'appointment.conflict',
      `The calendar is already booked at ${when}; the requested ${describe(requested)} overlaps it`,
      [
        {
          field: 'startsAt',
          message: conflict
            ? `overlaps the appointment from ${conflict.startsAt.toISOString()} to ${conflict.endsAt.toISOString()}`
            : 'overlaps another appointment',
        },
      ],
    );
  }
}

export class InvalidTransitionException extends AppException {
  constructor(action: string, status: string) {
    super(HttpStatus.CONFLICT, 'appointment.invalid_transition', `Cannot ${action.replace('_', '-')} an appointment that is ${status}`);
  }
}

export class NotStartedException extends AppException {
  constructor(action: string) {
    super(
      HttpStatus.CONFLICT,
      'appointment.not_started',
      `An appointment can be marked ${action === 'no_show' ? 'a no-show' : 'completed'} only once it has started`,
    );
  }
}

export class CalendarNotForServiceException extends AppException {
  constructor() {
    super(HttpStatus.UNPROCESSABLE_ENTITY, 'appointment.calendar_not_for_service', 'This calendar does not perform the service', [
      { field: 'calendarId', message: 'calendarId must be one of the service’s calendars' },
    ]);
  }
}

export class NotBookableException extends AppException {
  constructor(code: string, message: string) {
    super(HttpStatus.CONFLICT, code, message);
  }
}

export class SlotUnavailableException extends AppException {
  constructor() {
    super(HttpStatus.CONFLICT, 'appointment.slot_unavailable', 'This time is not offered: pick one of the free slots', [
      { field: 'startsAt', message: 'startsAt is not a free slot' },
    ]);
  }
}

export class ChangeWindowClosedException extends AppException {
  constructor(deadline: Date) {
    super(
      HttpStatus.CONFLICT,
      'appointment.change_window_closed',
      `Changes online were possible until ${deadline.toISOString()}; please contact the business`,
    );
  }
}
