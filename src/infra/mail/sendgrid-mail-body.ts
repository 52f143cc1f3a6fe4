import type { MailMessage } from './mail.port';
import { type Mailbox, parseMailbox, senderFor } from './mail-address';
import type { SenderDefaults } from './nodemailer-options';

interface SendGridAddress {
  email: string;
  name?: string;
}

/** The JSON body of SendGrid's v3 Mail Send (`POST /v3/mail/send`), the fields we use. */
export interface SendGridMailBody {
  personalizations: { to: SendGridAddress[] }[];
  from: SendGridAddress;
  reply_to?: SendGridAddress;
  subject: string;
  /** text/plain first, then text/html, as SendGrid requires; no empty value. */
  content: { type: 'text/plain' | 'text/html'; value: string }[];
  attachments?: { content: string; filename: string; type: string; disposition: 'attachment' }[];
  headers?: Record<string, string>;
  /** String pairs SendGrid keeps with the message and puts on each of its events (the Event Webhook). */
  custom_args?: Record<string, string>;
}

/** The `custom_args` naming the logged message; `attempt` is SendGrid's own event field, hence `messageAttempt`. */
export const SENDGRID_REFERENCE_ARGS = { businessId: 'businessId', messageId: 'messageId', attempt: 'messageAttempt' } as const;

const address = ({ address: email, name }: Mailbox): SendGridAddress => (name ? { email, name } : { email });

/**
 * One message in SendGrid's documented shape: one personalization (the recipient), sender and Reply-To as EMAIL_FROM and
 * EMAIL_REPLY_TO unless the message says otherwise, and the logged message it is as `custom_args` (values must be strings).
 */
export function toSendGridMail(defaults: SenderDefaults, message: MailMessage): SendGridMailBody {
  const replyTo = message.replyTo ?? defaults.replyTo;
  const content: SendGridMailBody['content'] = [];
  if (message.text) content.push({ type: 'text/plain', value: message.text });
  if (message.html) content.push({ type: 'text/html', value: message.html });
  const body: SendGridMailBody = {
    personalizations: [{ to: [address(parseMailbox(message.to))] }],
    from: address(senderFor(defaults.from, message.fromName)),
    subject: message.subject,
    content,
  };
  if (replyTo) body.reply_to = address(parseMailbox(replyTo));
  if (message.attachments?.length) {
    body.attachments = message.attachments.map((a) => ({
      content: a.content.toString('base64'),
      filename: a.filename,
      type: a.contentType,
      disposition: 'attachment' as const,
    }));
  }
  if (message.headers && Object.keys(message.headers).length) body.headers = { ...message.headers };
  if (message.reference) {
    const { businessId, messageId, attempt } = message.reference;
    body.custom_args = {
      [SENDGRID_REFERENCE_ARGS.businessId]: businessId,
      [SENDGRID_REFERENCE_ARGS.messageId]: messageId,
      [SENDGRID_REFERENCE_ARGS.attempt]: String(attempt),
    };
  }
  return body;
}
