import { createPublicKey, type KeyObject } from 'node:crypto';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * An ECDSA P-256 public key as SendGrid shows the Event Webhook's verification
 * key: base64 of the DER SubjectPublicKeyInfo (a PEM block is taken too).
 * Null for anything else, including keys on other curves.
 */
export function parseP256PublicKey(text: string): KeyObject | null {
  const trimmed = text.trim();
  try {
    let key: KeyObject;
    if (trimmed.startsWith('-----BEGIN')) {
      key = createPublicKey(trimmed);
    } else {
      const base64 = trimmed.replace(/\s+/g, '');
      if (!BASE64.test(base64)) return null;
      key = createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
    }
    return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1' ? key : null;
  } catch {
    return null;
  }
}
