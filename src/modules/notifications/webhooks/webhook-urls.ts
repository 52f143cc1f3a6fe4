import type { DeliveryReference } from '../../../common/delivery/delivery-reference';

/** The routes providers call (under the global `api` prefix); the controllers use the same names. */
export const WEBHOOK_ROUTES = {
  twilio: 'webhooks/twilio',
  twilioStatus: 'status',
  twilioInbound: 'inbound',
  sendgrid: 'webhooks/sendgrid',
  sendgridEvents: 'events',
} as const;

/** The query parameters of a status callback URL: the business, the message and the attempt (covered by Twilio's signature). */
export const STATUS_CALLBACK_PARAMS = { businessId: 'b', messageId: 'm', attempt: 'a' } as const;

const base = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

/**
 * The `StatusCallback` URL a message is sent with: Twilio posts each status
 * change there, signed over this very URL, so its query identifies the
 * message (no search across businesses) and cannot be forged.
 */
export function twilioStatusCallbackUrl(publicUrl: string, ref: DeliveryReference): string {
  const query = new URLSearchParams({
    [STATUS_CALLBACK_PARAMS.businessId]: ref.businessId,
    [STATUS_CALLBACK_PARAMS.messageId]: ref.messageId,
    [STATUS_CALLBACK_PARAMS.attempt]: String(ref.attempt),
  });
  return `${base(publicUrl)}/api/${WEBHOOK_ROUTES.twilio}/${WEBHOOK_ROUTES.twilioStatus}?${query.toString()}`;
}

/** The URL a provider called, as it signed it: PUBLIC_URL, then the path and query exactly as they came. */
export function publicUrlOf(publicUrl: string, originalUrl: string): string {
  return `${base(publicUrl)}${originalUrl}`;
}
