import { EmailDriver, type EnvironmentVariables } from '../config/env.schema';
import type { MailTransport } from './mail.port';
import { OutboxMailTransport } from './outbox.mail-transport';
import { SmtpMailTransport } from './smtp.mail-transport';

type MailConfig = Pick<EnvironmentVariables, 'EMAIL_DRIVER' | 'EMAIL_FROM' | 'OUTBOX_DIR' | 'SMTP_URL'>;

/** Chooses the email driver once, at boot, from validated config; an unknown or incomplete choice stops boot. */
export function createMailTransport(config: MailConfig): MailTransport {
  switch (config.EMAIL_DRIVER) {
    case EmailDriver.outbox:
      if (!config.OUTBOX_DIR) throw new Error('OUTBOX_DIR: required by the outbox email driver');
      return new OutboxMailTransport(config.OUTBOX_DIR, config.EMAIL_FROM);
    case EmailDriver.smtp:
      if (!config.SMTP_URL) throw new Error('SMTP_URL: required when EMAIL_DRIVER=smtp');
      return new SmtpMailTransport(config.SMTP_URL, config.EMAIL_FROM);
    default:
      throw new Error(`EMAIL_DRIVER: unknown driver "${String(config.EMAIL_DRIVER)}"`);
  }
}
