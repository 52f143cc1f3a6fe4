import { createTransport } from 'nodemailer';
import type { MailMessage, MailTransport } from './mail.port';
import { toNodemailerMessage } from './nodemailer-options';

/** Sends through an SMTP server (SMTP_URL), with a small connection pool. */
export class SmtpMailTransport implements MailTransport {
  private readonly transport;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    const parsed = new URL(url);
    if (!parsed.searchParams.has('pool')) parsed.searchParams.set('pool', 'true');
    this.transport = createTransport(parsed.toString());
  }

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const info = await this.transport.sendMail(toNodemailerMessage(this.from, message));
    return { messageId: info.messageId };
  }

  close(): void {
    this.transport.close();
  }
}
