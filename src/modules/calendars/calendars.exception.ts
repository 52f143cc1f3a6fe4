import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/problem/app.exception';
import type { FieldError } from '../../common/problem/problem-details';

export class CalendarMemberTakenException extends AppException {
  constructor(existingId: string) {
    super(HttpStatus.CONFLICT, 'calendar.member_taken', `This staff member already has a calendar (${existingId})`, [
      { field: 'memberId', message: 'memberId already has a calendar' },
    ]);
  }
}

export class CalendarInUseException extends AppException {
  constructor() {
    super(HttpStatus.CONFLICT, 'calendar.in_use', 'The calendar has appointments; deactivate it instead of deleting it');
  }
}

export class InvalidScheduleException extends AppException {
  constructor(errors: FieldError[]) {
    super(
      HttpStatus.BAD_REQUEST,
      'validation_failed',
      `The schedule has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}`,
      errors,
    );
  }
}
