import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/problem/app.exception';

export class EventInvalidTimesException extends AppException {
  constructor(field: string, message: string) {
    super(HttpStatus.BAD_REQUEST, 'event.invalid_times', message, [{ field, message }]);
  }
}

export class EventCancelledException extends AppException {
  constructor() {
    super(HttpStatus.CONFLICT, 'event.cancelled', 'The event is cancelled');
  }
}

export class EventCapacityTooLowException extends AppException {
  constructor(confirmed: number) {
    super(HttpStatus.CONFLICT, 'event.capacity_below_confirmed', `Capacity cannot be lower than the ${confirmed} confirmed registrations`, [
      { field: 'capacity', message: `capacity must be at least ${confirmed}` },
    ]);
  }
}

export class EventHasRegistrationsException extends AppException {
  constructor() {
    super(HttpStatus.CONFLICT, 'event.has_registrations', 'The event has registrations: cancel it instead of deleting it');
  }
}

export class RegistrationClosedException extends AppException {
  constructor() {
    super(HttpStatus.CONFLICT, 'registration.closed', 'Registration for this event is closed');
  }
}

export class DuplicateRegistrationException extends AppException {
  constructor() {
    super(HttpStatus.CONFLICT, 'registration.duplicate', 'This customer is already registered for the event');
  }
}
