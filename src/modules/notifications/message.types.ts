import type { Channel, MessageKind, MessageLocale, MessageStatus } from './notification.types';

/** A file sent with an email, by its storage key (the message log never holds the bytes). */
export interface MessageAttachment {
  /** The FILE_STORAGE key. */
  key: string;
  filename: string;
  contentType: string;
}

/** An approved WhatsApp template and the values of its body parameters, in order. */
export interface WhatsAppTemplateRef {
  name: string;
  language: string;
  parameters: string[];
}

/** One message of the message log: what was sent, to whom, and what became of it. */
export interface MessageRecord {
  id: string;
  businessId: string;
  createdAt: Date;
  channel: Channel;
  kind: MessageKind;
  status: MessageStatus;
  /** The address (email, or E.164 phone). */
  to: string;
  customerId: string | null;
  subscriberId: string | null;
  /** The template key, or null for a message written by hand. */
  template: string | null;
  locale: MessageLocale;
  subject: string | null;
  text: string;
  html: string | null;
  /** Extra email headers (List-Unsubscribe), as sent. */
  headers: Record<string, string>;
  /** Files attached to an email (loaded from FILE_STORAGE when it is sent). */
  attachments: MessageAttachment[];
  fromName: string | null;
  replyTo: string | null;
  smsSender: string | null;
  /** WhatsApp: the approved template it goes as (with its body parameters); null for free text and other channels. */
  whatsappTemplate: WhatsAppTemplateRef | null;
  /** Billable SMS segments (70 / 67 characters for Hebrew). */
  segments: number | null;
  provider: string | null;
  providerMessageId: string | null;
  attempts: number;
  lastError: string | null;
  /** When it may go (quiet hours, a scheduled send). */
  sendAt: Date;
  sentAt: Date | null;
  deliveredAt: Date | null;
  /** WhatsApp's read receipt. */
  readAt: Date | null;
  failedAt: Date | null;
  /** A hash of the API request that created it under an Idempotency-Key (a reuse with another body is refused). */
  requestHash: string | null;
}

/** What a new message needs; the log fills status, attempts and timestamps. */
export type NewMessage = Pick<
  MessageRecord,
  | 'channel'
  | 'kind'
  | 'to'
  | 'customerId'
  | 'subscriberId'
  | 'template'
  | 'locale'
  | 'subject'
  | 'text'
  | 'html'
  | 'headers'
  | 'attachments'
  | 'fromName'
  | 'replyTo'
  | 'smsSender'
  | 'whatsappTemplate'
  | 'segments'
  | 'sendAt'
  | 'requestHash'
>;

/** Filters of the message history. */
export interface MessageFilter {
  channel?: Channel;
  status?: MessageStatus;
  customerId?: string;
  template?: string;
  from?: Date;
  to?: Date;
}
