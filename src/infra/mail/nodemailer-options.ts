import type { MailMessage } from './mail.port';

/** The nodemailer message both drivers build, so an outbox file is byte-for-byte what SMTP would send. */
export function toNodemailerMessage(from: string, message: MailMessage) {
  return {
    from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: message.headers,
    textEncoding: 'base64' as const,
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
