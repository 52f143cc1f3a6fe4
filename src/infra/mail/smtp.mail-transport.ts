import { createTransport } from 'nodemailer';
import type { MailMessage, MailTransport, SentMail } from './mail.port';
import { type SenderDefaults, toNodemailerMessage } from './nodemailer-options';
import { smtpDeliveryError } from './smtp-delivery-error';

/** Sends through an SMTP server (SMTP_URL), with a small connection pool. */
export class SmtpMailTransport implements MailTransport {
  readonly provider = 'smtp';
  private readonly transport;
  private readonly sender: SenderDefaults;

  constructor(url: string, from: string, replyTo?: string) {
    const parsed = new URL(url);
    if (!parsed.searchParams.has('pool')) parsed.searchParams.set('pool', 'true');
    this.transport = createTransport(parsed.toString());
    this.sender = { from, replyTo };
  }

  async send(message: MailMessage): Promise<SentMail> {
    try {
      const info = await this.transport.sendMail(toNodemailerMessage(this.sender, message));
      return { messageId: info.messageId, provider: this.provider };
    } catch (err) {
      throw smtpDeliveryError(err);
    }
  }

  async probe(): Promise<{ ok: boolean; detail?: string }> {
    return this.transport.verify().then(
      () => ({ ok: true }),
      (err: Error) => ({ ok: false, detail: err.message }),
    );
  }

  close(): void {
    this.transport.close();
  }
}
