import { InvalidStorageKeyException } from './file-storage.exception';

/** Longest key accepted: S3's limit is 1,024 bytes, and the keys are ASCII. */
export const MAX_STORAGE_KEY_LENGTH = 1024;

const SEGMENT = /^[A-Za-z0-9._-]+$/;

/**
 * Why a key is refused, or null when it is fine. A key is `/`-separated
 * segments of letters, digits, `.`, `_` and `-`: no leading or trailing `/`,
 * no empty segment, and no segment starting with `.` (so neither `.` nor `..`,
 * and the local driver's own `.tmp` folder cannot be named). The same rules for
 * every driver, so a key that works locally works in S3 and cannot leave the
 * store's folder.
 */
export function storageKeyProblem(key: unknown): string | null {
  if (typeof key !== 'string' || key.length === 0) return 'a key is a non-empty string';
  if (key.length > MAX_STORAGE_KEY_LENGTH) return `longer than ${MAX_STORAGE_KEY_LENGTH} characters`;
  if (key.startsWith('/')) return 'a key is relative (no leading /)';
  for (const segment of key.split('/')) {
    if (segment === '') return 'empty segment (// or a trailing /)';
    if (segment.startsWith('.')) return `segment "${segment}" starts with a dot (no ".", ".." or hidden names)`;
    if (!SEGMENT.test(segment)) return `segment ${JSON.stringify(segment)} has characters other than A-Z a-z 0-9 . _ -`;
  }
  return null;
}

/** Throws InvalidStorageKeyException unless the key follows the rules. */
export function assertStorageKey(key: string): void {
  const problem = storageKeyProblem(key);
  if (problem) throw new InvalidStorageKeyException(String(key), problem);
}
