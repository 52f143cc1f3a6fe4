import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/problem/app.exception';

/**
 * How every storage driver fails, so callers handle one set of errors whatever
 * STORAGE_DRIVER is. They are AppExceptions: left uncaught in a request, the
 * global filter answers 400, 409 or 503 with the code.
 */

/** The key breaks the key rules (see `storageKeyProblem`): a caller's bug or a bad name from outside. */
export class InvalidStorageKeyException extends AppException {
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(HttpStatus.BAD_REQUEST, 'storage.invalid_key', `Invalid storage key ${JSON.stringify(key.slice(0, 200))}: ${reason}`);
  }
}

/** `put` on a key that already holds other bytes: stored files are written once, never replaced. */
export class StoredFileConflictException extends AppException {
  constructor(
    readonly key: string,
    /** SHA-256 of the bytes already stored, when known. */
    readonly existingSha256?: string,
  ) {
    super(HttpStatus.CONFLICT, 'storage.exists', `A different file is already stored under ${key}; stored files are never overwritten`);
  }
}

/** The store could not be reached or refused the operation (network, 5xx, credentials, missing bucket, full disk). */
export class StorageUnavailableException extends AppException {
  constructor(
    message: string,
    /** Whether trying again later may succeed (network errors, 5xx, throttling). */
    readonly temporary: boolean,
    options?: { cause?: unknown },
  ) {
    super(HttpStatus.SERVICE_UNAVAILABLE, 'storage.unavailable', message);
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}
