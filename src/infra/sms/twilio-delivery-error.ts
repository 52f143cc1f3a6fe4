import twilio from 'twilio';
import { asDeliveryError, type DeliveryError, deliveryErrorForStatus, TemporaryDeliveryError } from '../../common/delivery/delivery-errors';

/**
 * A Twilio failure as a delivery error. An API answer decides by its HTTP status
 * (429 and 5xx temporary, other 4xx permanent: 21211 invalid 'To', 21610
 * unsubscribed, 20003 bad credentials), keeping Twilio's error code; no answer
 * (refused, reset, timed out) is temporary.
 */
export function twilioDeliveryError(err: unknown): DeliveryError {
  if (err instanceof twilio.RestException) {
    const code = err.code === undefined ? undefined : String(err.code);
    return deliveryErrorForStatus(err.status, `Twilio${code ? ` ${code}` : ''}: ${err.message}`, code);
  }
  const failure = asDeliveryError(err);
  return new TemporaryDeliveryError(`Twilio unreachable: ${failure.message}`, failure.providerCode);
}
