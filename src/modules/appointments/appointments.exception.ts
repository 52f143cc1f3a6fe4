import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/problem/app.exception';

/** 409 naming the time that is taken, so the client can show it and offer another. */
export class AppointmentConflictException extends AppException {
  constructor(conflict: { startsAt: Date; endsAt: Date } | null, requested: { startsAt: Date; endsAt: Date }) {
    const when = conflict ? `${conflict.startsAt.toISOString()}–${conflict.endsAt.toISOString()}` : 'the requested time';
    super(
      HttpStatus.CONFLICT,
      'appointment.conflict',
      `The calendar is already booked at ${when}; ${requested.startsAt.toISOString()}–${requested.endsAt.toISOString()} (with buffers) overlaps it`,
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
