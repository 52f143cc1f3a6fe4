import { createHash } from 'node:crypto';
import { open, seal } from './sealed-box';

/** 32 bytes written as 64 hex digits or base64 / base64url (43 or 44 characters); null for anything else. */
export function parseEncryptionKey(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) return null;
  const key = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === 32 ? key : null;
}

/** The public name of a key: 8 hex digits of its SHA-256, so no one has to name keys and a key never names another. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('chatgrow/key-id/v1').update(key).digest('hex').slice(0, 8);
}

/**
 * Secrets the app must read back (payment gateway credentials), sealed with the
 * sealed box (AES-256-GCM) under ENCRYPTION_KEY and labelled with the key's id:
 * `k1.<key id>.v1.<…>`. Rotation: the new key becomes ENCRYPTION_KEY and the old
 * one moves to ENCRYPTION_KEYS_RETIRED; what was sealed under it still opens,
 * `isCurrent` tells which values to seal again, and new values use the new key.
 */
export class Keyring {
  private readonly keys = new Map<string, Buffer>();
  readonly currentId: string;

  constructor(current: Buffer, retired: readonly Buffer[] = []) {
    this.currentId = keyIdOf(current);
    this.keys.set(this.currentId, current);
    for (const key of retired) if (!this.keys.has(keyIdOf(key))) this.keys.set(keyIdOf(key), key);
  }

  /** From the validated config's ENCRYPTION_KEY and ENCRYPTION_KEYS_RETIRED (comma-separated). */
  static fromConfig(current: string, retired: string | undefined): Keyring {
    const parse = (text: string, variable: string) => {
      const key = parseEncryptionKey(text);
      if (!key) throw new Error(`${variable}: not a 32-byte key`);
      return key;
    };
    const old = (retired ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => parse(s, 'ENCRYPTION_KEYS_RETIRED'));
    return new Keyring(parse(current, 'ENCRYPTION_KEY'), old);
  }

  seal(plaintext: string): string {
    return `k1.${this.currentId}.${seal(this.keys.get(this.currentId)!, plaintext)}`;
  }

  /** The plaintext, or null: not a keyring value, sealed under a key this process does not hold, or altered. */
  open(sealed: string): string | null {
    const match = /^k1\.([0-9a-f]{8})\.(.+)$/s.exec(sealed);
    const key = match && this.keys.get(match[1]);
    return key ? open(key, match[2]) : null;
  }

  /** Whether the value is sealed under the current key (false: seal it again after a rotation). */
  isCurrent(sealed: string): boolean {
    return sealed.startsWith(`k1.${this.currentId}.`);
  }
}
