import { type KeyObject, verify } from 'node:crypto';

/**
 * SendGrid's Signed Event Webhook: `X-Twilio-Email-Event-Webhook-Signature` is
 * a base64 DER ECDSA signature (P-256, SHA-256) over the
 * `X-Twilio-Email-Event-Webhook-Timestamp` value followed by the raw body bytes.
 */
export function isValidSendGridSignature(key: KeyObject, signature: string, timestamp: string, rawBody: Buffer): boolean {
  const der = Buffer.from(signature, 'base64');
  if (der.length === 0) return false;
  try {
    return verify('sha256', Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]), { key, dsaEncoding: 'der' }, der);
  } catch {
    // Not a DER signature at all: OpenSSL refuses to read it.
    return false;
  }
}
