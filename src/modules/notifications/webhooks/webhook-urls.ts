import type { DeliveryReference } from '../../../common/delivery/delivery-reference';

/** The routes providers call (under the global `api` prefix); the controllers use the same names. */
export const WEBHOOK_ROUTES = {
  twilio: 'webhooks/twilio',
  twilioStatus: 'status',
  twilioInbound: 'inbound',
  sendgrid: 'webhooks/sendgrid',
  sendgridEvents: 'events',
  whatsapp: 'webhooks/whatsapp',
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

/**
 * The `biz_opaque_callback_data` a WhatsApp message is sent with, `<message id>:<attempt>`:
 * Meta returns it in the message's status notifications (signed with the app secret).
 */
export const whatsappReference = (ref: DeliveryReference): string => `${ref.messageId}:${ref.attempt}`;

const REFERENCE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([1-9]\d{0,5})$/i;

/** The message and attempt a WhatsApp status names through its `biz_opaque_callback_data`, or null. */
export function parseWhatsAppReference(value: unknown): { messageId: string; attempt: number } | null {
  const m = typeof value === 'string' ? REFERENCE.exec(value) : null;
  return m ? { messageId: m[1].toLowerCase(), attempt: Number(m[2]) } : null;
}
