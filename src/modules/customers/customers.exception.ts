import { HttpStatus } from '@nestjs/common';
import { invalidPhoneMessage } from '../../common/phone/is-phone.decorator';
import { AppException } from '../../common/problem/app.exception';
import { FIELD_MESSAGES } from './customer-field-rules';

export class InvalidCustomerPhoneException extends AppException {
  constructor(field = 'phone') {
    super(HttpStatus.BAD_REQUEST, 'customer.invalid_phone', 'The phone number is not valid', [
      { field, message: invalidPhoneMessage(field) },
    ]);
  }
}

export class InvalidCustomerEmailException extends AppException {
  constructor(field = 'email') {
    super(HttpStatus.BAD_REQUEST, 'customer.invalid_email', 'The email address is not valid', [
      { field, message: FIELD_MESSAGES.email(field) },
    ]);
  }
}

export class CustomerContactRequiredException extends AppException {
  constructor() {
    super(HttpStatus.BAD_REQUEST, 'customer.contact_required', 'A customer needs a phone number or an email address', [
      { field: 'phone', message: FIELD_MESSAGES.contactRequired() },
    ]);
  }
}

export class CustomerNameRequiredException extends AppException {
  constructor() {
    super(HttpStatus.BAD_REQUEST, 'customer.name_required', 'A customer needs a first name', [
      { field: 'firstName', message: 'firstName should not be empty' },
    ]);
  }
}

export class CustomerContactTakenException extends AppException {
  constructor(field: 'phone' | 'email', existingId: string) {
    super(HttpStatus.CONFLICT, `customer.${field}_taken`, `Another customer (${existingId}) already has this ${field}`, [
      { field, message: `${field} belongs to another customer` },
    ]);
  }
}

/**
 * A request named its customer twice: `customerId` and a new `customer` (or
 * either with the deprecated flat new-customer fields). The code is the one
 * event registrations answered first; appointments answer it too.
 */
export class CustomerAmbiguousException extends AppException {
  constructor() {
    super(HttpStatus.BAD_REQUEST, 'registration.customer_ambiguous', 'Send customerId or customer, not both', [
      { field: 'customer', message: 'customer cannot be combined with customerId or with the flat customer fields' },
    ]);
  }
}
