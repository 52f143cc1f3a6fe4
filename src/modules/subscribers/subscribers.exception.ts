import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/problem/app.exception';

export class SubscriberContactRequiredException extends AppException {
  constructor() {
    super(HttpStatus.BAD_REQUEST, 'subscriber.contact_required', 'A subscriber needs an email address or a phone number', [
      { field: 'email', message: 'email or phone is required' },
    ]);
  }
}

export class SubscriberContactTakenException extends AppException {
  constructor(field: 'email' | 'phone') {
    super(HttpStatus.CONFLICT, `subscriber.${field}_taken`, `Another subscriber already has this ${field}`, [
      { field, message: `${field} belongs to another subscriber` },
    ]);
  }
}

export class SubscriberChannelMissingException extends AppException {
  constructor(field: 'emailStatus' | 'smsStatus') {
    const address = field === 'emailStatus' ? 'email' : 'phone';
    super(HttpStatus.BAD_REQUEST, 'subscriber.channel_missing', `${field} needs a ${address}`, [
      { field, message: `${field} can only be set when the subscriber has a ${address}` },
    ]);
  }
}

/** Forged, malformed, or for a subscriber or address that no longer exists: one answer for all. */
export class SubscriptionLinkInvalidException extends AppException {
  constructor() {
    super(HttpStatus.NOT_FOUND, 'subscription.link_invalid', 'This link is not valid');
  }
}

export class SubscriptionLinkExpiredException extends AppException {
  constructor() {
    super(HttpStatus.BAD_REQUEST, 'subscription.link_expired', 'This confirmation link has expired; subscribe again to get a new one');
  }
}

export class SubscriptionNotPendingException extends AppException {
  constructor() {
    super(
      HttpStatus.CONFLICT,
      'subscription.not_pending',
      'This address opted out after the link was sent; subscribe again to get a new link',
    );
  }
}
