/**
 * Why a completion gave no usable answer:
 * - `status`: the API answered an error status (`status` holds it: 401 bad key, 429 rate or quota, 5xx);
 * - `timeout`: no complete answer within the timeout;
 * - `unreachable`: no connection (refused, reset, DNS);
 * - `malformed`: the answer is not a chat completion with text in it;
 * - `refusal`: the model declined (Structured Outputs' `refusal`);
 * - `incomplete`: the answer was cut at the token limit.
 */
export type AiFailure = 'status' | 'timeout' | 'unreachable' | 'malformed' | 'refusal' | 'incomplete';

/** A completion that failed; callers fall back to their local logic. The message never holds the API key. */
export class AiError extends Error {
  override readonly name = 'AiError';

  constructor(
    readonly failure: AiFailure,
    message: string,
    /** The HTTP status, for `status`. */
    readonly status?: number,
  ) {
    super(message.slice(0, 500));
  }
}
