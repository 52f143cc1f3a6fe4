import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../../common/problem/app.exception';

/**
 * The provider's secret is not configured, so nothing can be verified: the
 * route behaves as absent (404), never as a server fault, and takes nothing in.
 */
export class WebhookNotConfiguredException extends AppException {
  constructor(provider: string, setting: string) {
    super(HttpStatus.NOT_FOUND, 'webhook.not_configured', `The ${provider} webhook is off: ${setting} is not configured`);
  }
}

/** No signature header: not known to come from the provider. */
export class WebhookSignatureMissingException extends AppException {
  constructor(header: string) {
    super(HttpStatus.UNAUTHORIZED, 'webhook.signature_missing', `The request carries no ${header}`);
  }
}

/** A signature that does not verify (forged, altered, another URL or key). */
export class WebhookSignatureInvalidException extends AppException {
  constructor(header: string) {
    super(HttpStatus.UNAUTHORIZED, 'webhook.signature_invalid', `${header} does not verify for this request`);
  }
}

/** A correctly signed request whose timestamp is outside the accepted window: a replay, refused. */
export class WebhookStaleException extends AppException {
  constructor(maxAgeSeconds: number) {
    super(
      HttpStatus.FORBIDDEN,
      'webhook.stale',
      `The signed timestamp is more than ${maxAgeSeconds} seconds from now: the request is refused as a replay`,
    );
  }
}

/** A verified body that is not what the provider documents. */
export class WebhookBodyInvalidException extends AppException {
  constructor(message: string) {
    super(HttpStatus.BAD_REQUEST, 'webhook.body_invalid', message, [{ field: '', message }]);
  }
}
