import type { MessageDto } from './dto/message.dto';
import type { MessageRecord } from './message.types';
import { SECRET_LINK_TEMPLATES } from './notification.types';

/** Shown instead of the text of a mail that holds a one-time link (SECRET_LINK_TEMPLATES). */
export const HIDDEN_TEXT = '(not shown: this account mail holds a one-time link meant only for its recipient)';

/** What the API shows of a message (headers and sender settings stay inside; the text of account mails too). */
export const toMessageDto = (m: MessageRecord): MessageDto => {
  const hidden = m.template !== null && SECRET_LINK_TEMPLATES.has(m.template);
  return {
    id: m.id,
    channel: m.channel,
    kind: m.kind,
    status: m.status,
    to: m.to,
    customerId: m.customerId,
    subscriberId: m.subscriberId,
    template: m.template,
    locale: m.locale,
    subject: m.subject,
    text: hidden ? HIDDEN_TEXT : m.text,
    html: hidden ? null : m.html,
    attachments: m.attachments.map((a) => a.filename),
    segments: m.segments,
    provider: m.provider,
    providerMessageId: m.providerMessageId,
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: m.createdAt,
    sendAt: m.sendAt,
    sentAt: m.sentAt,
    deliveredAt: m.deliveredAt,
    readAt: m.readAt,
    failedAt: m.failedAt,
    whatsappTemplate: m.whatsappTemplate,
  };
};
