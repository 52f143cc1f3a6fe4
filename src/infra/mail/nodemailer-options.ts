import type { DeliveryReference } from '../../common/delivery/delivery-reference';
import type { MailMessage } from './mail.port';
import { senderFor } from './mail-address';

/** The header naming the logged message a mail is (for bounce processing): `<businessId>/<messageId>/<attempt>`. */
export const REFERENCE_HEADER = 'X-ChatGrow-Message-Id';

const referenceHeader = (r: DeliveryReference) => `${r.businessId}/${r.messageId}/${r.attempt}`;

/** What every nodemailer driver sends from: EMAIL_FROM, and EMAIL_REPLY_TO when set. */
export interface SenderDefaults {
  from: string;
  replyTo?: string;
}

/** The nodemailer message both drivers build, so an outbox file is byte-for-byte what SMTP would send. */
export function toNodemailerMessage(defaults: SenderDefaults, message: MailMessage) {
  return {
    from: senderFor(defaults.from, message.fromName),
    replyTo: message.replyTo ?? defaults.replyTo,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: message.reference ? { ...message.headers, [REFERENCE_HEADER]: referenceHeader(message.reference) } : message.headers,
    attachments: message.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
    textEncoding: 'base64' as const,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
