import { ApiHeader } from '@nestjs/swagger';
import type { Response } from 'express';

/** Set on an answer replayed for a repeated Idempotency-Key. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/** Documents the `Idempotency-Key` header of a route that takes one (Stripe's semantics, IdempotencyService). */
export const ApiIdempotencyKey = (what: string) =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: `Same key + same body → the same ${what} (replayed, \`${IDEMPOTENT_REPLAYED_HEADER}: true\`); same key + another body → 422`,
  });

/** Marks an answer that repeats the one stored for its Idempotency-Key. */
export function markReplayed(res: Response, replayed: boolean): void {
  if (replayed) res.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
}
