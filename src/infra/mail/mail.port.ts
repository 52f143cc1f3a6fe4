/** One email, as every driver takes it. The From comes from EMAIL_FROM. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
}

/** The email port: drivers (outbox files, SMTP) implement it; callers inject MAIL_TRANSPORT. */
export interface MailTransport {
  send(message: MailMessage): Promise<{ messageId: string }>;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');
