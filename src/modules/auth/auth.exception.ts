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
  constructor(retryAfterSeconds: number, message = 'Too many login attempts; try again later') {
    super(HttpStatus.TOO_MANY_REQUESTS, 'auth.too_many_attempts', message, undefined, {
      'Retry-After': String(retryAfterSeconds),
    });
  }
}

/** A password-reset, verification or email-change link that is forged, altered, of another kind, used, or outdated. */
export class InvalidLinkException extends AppException {
  constructor(expired = false) {
    super(
      HttpStatus.UNAUTHORIZED,
      expired ? 'auth.link_expired' : 'auth.invalid_link',
      expired ? 'This link has expired; ask for a new one' : 'This link is not valid (it may have been used already); ask for a new one',
    );
  }
}

/** The current password given to confirm a change is wrong (403, not 401: the session itself is fine). */
export class WrongPasswordException extends AppException {
  constructor() {
    super(HttpStatus.FORBIDDEN, 'auth.wrong_password', 'The current password is incorrect');
  }
}

/** Account actions belong to a person: an API key cannot change a password or an address. */
export class UserOnlyException extends AppException {
  constructor() {
    super(HttpStatus.FORBIDDEN, 'auth.user_only', "This action needs a user's session, not an API key");
  }
}

export class EmailAlreadyVerifiedException extends AppException {
  constructor() {
    super(HttpStatus.CONFLICT, 'auth.email_already_verified', 'Your email address is already verified');
  }
}

export class EmailUnchangedException extends AppException {
  constructor() {
    super(HttpStatus.BAD_REQUEST, 'auth.email_unchanged', 'The new email address is the one the account already has', [
      { field: 'newEmail', message: 'newEmail must differ from the current address' },
    ]);
  }
}

export class PasswordChangedMeanwhileException extends AppException {
  constructor() {
    super(HttpStatus.CONFLICT, 'auth.password_changed', 'The password was changed meanwhile; try again');
  }
}
