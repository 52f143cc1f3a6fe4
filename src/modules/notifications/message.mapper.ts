import type { MessageDto } from './dto/message.dto';
import type { MessageRecord } from './message.types';

/** What the API shows of a message (headers and sender settings stay inside). */
export const toMessageDto = (m: MessageRecord): MessageDto => ({
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
  text: m.text,
  html: m.html,
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
  failedAt: m.failedAt,
});
