import type { DeliveryReference } from '../../common/delivery/delivery-reference';

/** A file attached to an email (an invoice PDF). */
export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** One email, as every driver takes it. From and Reply-To default to EMAIL_FROM and EMAIL_REPLY_TO. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** A display name for the business, shown with EMAIL_FROM's address. */
  fromName?: string;
  replyTo?: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
  attachments?: MailAttachment[];
  /**
   * The logged message this mail is: SendGrid carries it as `custom_args`
   * (its event webhook reports them back), SMTP and the outbox as the
   * `X-ChatGrow-Message-Id` header.
   */
  reference?: DeliveryReference;
}

export interface SentMail {
  /** The driver's id for the message (the provider's, where there is one). */
  messageId: string;
  /** `outbox`, `smtp`, `sendgrid`. */
  provider: string;
}

/**
 * The email port: drivers (outbox files, SMTP, SendGrid) implement it;
 * callers inject MAIL_TRANSPORT. A failed send throws a DeliveryError
 * (src/common/delivery) saying whether it is worth retrying.
 */
export interface MailTransport {
  readonly provider: string;
  send(message: MailMessage): Promise<SentMail>;
  /** Whether the provider answers (the providers endpoint shows it). */
  probe(): Promise<{ ok: boolean; detail?: string }>;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');
