import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/problem/app.exception';

export class InvalidCredentialsException extends AppException {
  constructor() {
    super(HttpStatus.UNAUTHORIZED, 'auth.invalid_credentials', 'The email or password is incorrect');
  }
}

export class InvalidTokenException extends AppException {
  constructor(code = 'auth.invalid_token', message = 'The token is missing, invalid or expired') {
    super(HttpStatus.UNAUTHORIZED, code, message);
  }
}

export class EmailTakenException extends AppException {
  constructor() {
    super(HttpStatus.CONFLICT, 'auth.email_taken', 'An account with this email already exists');
  }
}

export class NotAMemberException extends AppException {
  constructor() {
    super(HttpStatus.FORBIDDEN, 'auth.not_a_member', 'You are not a member of that business');
  }
}

export class TooManyAttemptsException extends AppException {
  constructor(retryAfterSeconds: number) {
    super(HttpStatus.TOO_MANY_REQUESTS, 'auth.too_many_attempts', 'Too many login attempts; try again later', undefined, {
      'Retry-After': String(retryAfterSeconds),
    });
  }
}
