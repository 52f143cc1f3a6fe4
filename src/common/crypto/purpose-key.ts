import { createHmac } from 'node:crypto';

/**
 * A signing key for one purpose (`appointment-links`, `subscription-links`),
 * derived from the app secret: a key is never the access-token key, and a
 * token made for one purpose never verifies for another.
 */
export function purposeKey(secret: string, purpose: string): Buffer {
  return createHmac('sha256', secret).update(`chatgrow/${purpose}/v1`).digest();
}
