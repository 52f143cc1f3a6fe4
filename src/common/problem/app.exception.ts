import { HttpStatus } from '@nestjs/common';
import type { FieldError } from './problem-details';

/**
 * A feature's error: an HTTP status, a stable machine code (`member.last_owner`)
 * and a human sentence. The global filter turns it into problem+json.
 */
export class AppException extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    message: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export class NotFoundAppException extends AppException {
  constructor(entity: string, id?: string) {
    super(HttpStatus.NOT_FOUND, `${entity}.not_found`, id ? `${entity} ${id} was not found` : `${entity} was not found`);
  }
}

export class ConflictAppException extends AppException {
  constructor(code: string, message: string) {
    super(HttpStatus.CONFLICT, code, message);
  }
}
