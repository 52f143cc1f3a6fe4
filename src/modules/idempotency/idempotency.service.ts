import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppException } from '../../common/problem/app.exception';
import { requestHash } from '../../common/crypto/canonical-hash';
import { IdempotencyRepository } from './idempotency.repository';

export interface IdempotentRequest {
  scope: string;
  key: string;
  hash: string;
}

export interface StoredAnswer {
  status: number;
  body: unknown;
}

export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export class IdempotencyKeyReusedException extends AppException {
  constructor() {
    super(HttpStatus.UNPROCESSABLE_ENTITY, 'idempotency.key_reused', 'This Idempotency-Key was already used with a different request body');
  }
}

/**
 * `Idempotency-Key` semantics: the same key and body answer the same; the same
 * key with another body is 422. Keys are per business and per scope.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly keys: IdempotencyRepository) {}

  /** The request descriptor, or undefined when no key was sent; 400 for a malformed key. */
  request(scope: string, key: string | undefined, body: unknown): IdempotentRequest | undefined {
    if (key === undefined) return undefined;
    if (!IDEMPOTENCY_KEY.test(key)) {
      throw new AppException(HttpStatus.BAD_REQUEST, 'idempotency.invalid_key', 'Idempotency-Key must be 1-255 visible ASCII characters', [
        { field: 'Idempotency-Key', message: 'must be 1-255 visible ASCII characters' },
      ]);
    }
    return { scope, key, hash: requestHash(scope, body) };
  }

  /** A committed answer for this key (before doing any work), or null. */
  async replay(businessId: string, req: IdempotentRequest | undefined): Promise<StoredAnswer | null> {
    if (!req) return null;
    const row = await this.keys.find(businessId, req.scope, req.key);
    if (!row) return null;
    if (row.requestHash !== req.hash) throw new IdempotencyKeyReusedException();
    return { status: row.responseStatus, body: row.responseBody };
  }

  /**
   * Inside the work's transaction: claims the key, or returns the answer a
   * concurrent duplicate committed (the caller then does nothing).
   */
  async claim(em: EntityManager, businessId: string, req: IdempotentRequest): Promise<StoredAnswer | null> {
    const repo = this.keys.withManager(em);
    if (await repo.claim(businessId, req.scope, req.key, req.hash)) return null;
    const row = await repo.find(businessId, req.scope, req.key);
    if (!row) throw new Error('idempotency key vanished after a conflicting claim');
    if (row.requestHash !== req.hash) throw new IdempotencyKeyReusedException();
    return { status: row.responseStatus, body: row.responseBody };
  }

  async complete(em: EntityManager, businessId: string, req: IdempotentRequest, answer: StoredAnswer): Promise<void> {
    await this.keys.withManager(em).complete(businessId, req.scope, req.key, answer.status, JSON.parse(JSON.stringify(answer.body)));
  }

  purgeOlderThan(before: Date): Promise<number> {
    return this.keys.purgeOlderThan(before);
  }
}
