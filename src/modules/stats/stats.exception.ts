import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/problem/app.exception';
import type { FieldError } from '../../common/problem/problem-details';

/** A stats period that cannot be reported: `to` not after `from`, or longer than the granularity allows. */
export class InvalidStatsPeriodException extends AppException {
  constructor(errors: FieldError[]) {
    super(HttpStatus.BAD_REQUEST, 'stats.invalid_period', errors.map((e) => e.message).join('; '), errors);
  }
}
