import { createTransport } from 'nodemailer';
import type { MailMessage, MailTransport, SentMail } from './mail.port';
import { toNodemailerMessage } from './nodemailer-options';

/** Sends through an SMTP server (SMTP_URL), with a small connection pool. */
export class SmtpMailTransport implements MailTransport {
  readonly provider = 'smtp';
  private readonly transport;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    const parsed = new URL(url);
    if (!parsed.searchParams.has('pool')) parsed.searchParams.set('pool', 'true');
    this.transport = createTransport(parsed.toString());
  }

  async send(message: MailMessage): Promise<SentMail> {
    const info = await this.transport.sendMail(toNodemailerMessage(this.from, message));
    return { messageId: info.messageId, provider: this.provider };
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
