/**
 * How a channel driver (email, SMS, later WhatsApp) reports a failed send, so
 * the sending job decides the same way for every provider: a temporary
 * failure (timeout, connection refused, 5xx, 429) is retried with backoff; a
 * permanent one (invalid address, other 4xx) fails the message at once.
 */
export abstract class DeliveryError extends Error {
  abstract readonly temporary: boolean;

  constructor(
    message: string,
    /** The provider's own error code or HTTP status, when it gave one. */
    readonly providerCode?: string,
  ) {
    super(message);
  }
}

export class TemporaryDeliveryError extends DeliveryError {
  readonly temporary = true;
}

export class PermanentDeliveryError extends DeliveryError {
  readonly temporary = false;
}

/** An HTTP status from a provider API, as a delivery error: 408, 429 and 5xx are temporary. */
export function deliveryErrorForStatus(status: number, detail: string, providerCode?: string): DeliveryError {
  const temporary = status === 408 || status === 429 || status >= 500;
  const message = `${status}: ${detail}`.slice(0, 500);
  return temporary
    ? new TemporaryDeliveryError(message, providerCode ?? String(status))
    : new PermanentDeliveryError(message, providerCode ?? String(status));
}

/** Network-level failures (refused, reset, timed out, DNS) are temporary; anything else unknown is temporary too, so nothing is dropped on a surprise. */
export function asDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new TemporaryDeliveryError(message.slice(0, 500), (err as { code?: string } | null)?.code);
}
