import { asDeliveryError, type DeliveryError, PermanentDeliveryError, TemporaryDeliveryError } from '../../common/delivery/delivery-errors';

/** The fields nodemailer puts on the errors of an SMTP send. */
interface SmtpFailure {
  message?: string;
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
}

/**
 * An SMTP failure as a delivery error. A reply from the server decides by its
 * class (RFC 5321): 4xx (421, 450, 451, 452) is temporary, 5xx (550, 553, ...)
 * permanent, except 503 (bad sequence: the session, not the message). Without
 * a reply: an address nodemailer refused before sending is permanent; the
 * connection failing (refused, timed out, reset: ESOCKET, ETIMEDOUT,
 * ECONNECTION) is temporary, like anything unknown.
 */
export function smtpDeliveryError(err: unknown): DeliveryError {
  const failure = (err ?? {}) as SmtpFailure;
  const detail = (failure.response ?? failure.message ?? String(err)).slice(0, 480);
  const status = failure.responseCode;
  if (typeof status === 'number') {
    const permanent = status >= 500 && status !== 503;
    return permanent
      ? new PermanentDeliveryError(`SMTP ${detail}`, String(status))
      : new TemporaryDeliveryError(`SMTP ${detail}`, String(status));
  }
  if (failure.code === 'EENVELOPE') return new PermanentDeliveryError(detail, failure.code);
  const reason = asDeliveryError(err);
  return new TemporaryDeliveryError(reason.message, failure.originalCode ?? reason.providerCode);
}
