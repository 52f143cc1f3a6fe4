import { JwtService } from '@nestjs/jwt';
import { purposeKey } from '../../src/common/crypto/purpose-key';
import { APPOINTMENT_LINKS } from '../../src/modules/appointments/public/self-service-links.service';
import { ACCOUNT_LINKS } from '../../src/modules/auth/account-links.service';
import { TEST_JWT_SECRET } from './test-app';

/** Signs self-service link claims the way the app under test does (its key for appointment links), for tests that forge or age links. */
export function appointmentLinkSigner(secret = TEST_JWT_SECRET): JwtService {
  return new JwtService({ secret: purposeKey(secret, APPOINTMENT_LINKS) });
}

/** Signs account-link claims (password reset, verification, email change) with the app's key for them, for tests that age or alter links. */
export function accountLinkSigner(secret = TEST_JWT_SECRET): JwtService {
  return new JwtService({ secret: purposeKey(secret, ACCOUNT_LINKS) });
}

/** The `token` of the link to a page (`reset-password`, `verify-email`, `confirm-email`) in a mail's text. */
export function linkToken(text: string, page: string): string {
  const match = new RegExp(`/${page}\\?token=([A-Za-z0-9_.-]+)`).exec(text);
  if (!match) throw new Error(`No /${page} link in: ${text}`);
  return match[1];
}
