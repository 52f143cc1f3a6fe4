import { JwtService } from '@nestjs/jwt';
import { purposeKey } from '../../src/common/crypto/purpose-key';
import { APPOINTMENT_LINKS } from '../../src/modules/appointments/public/self-service-links.service';
import { TEST_JWT_SECRET } from './test-app';

/** Signs self-service link claims the way the app under test does (its key for appointment links), for tests that forge or age links. */
export function appointmentLinkSigner(secret = TEST_JWT_SECRET): JwtService {
  return new JwtService({ secret: purposeKey(secret, APPOINTMENT_LINKS) });
}
