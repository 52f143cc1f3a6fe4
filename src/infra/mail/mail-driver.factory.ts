import { settingFor, unknownDriver } from '../config/driver-choices';
import { EmailDriver, type EnvironmentVariables } from '../config/env.schema';
import type { MailTransport } from './mail.port';
import { OutboxMailTransport } from './outbox.mail-transport';
import { SendGridMailTransport } from './sendgrid.mail-transport';
import { SmtpMailTransport } from './smtp.mail-transport';

export const MAIL_CONFIG = [
  'EMAIL_DRIVER',
  'EMAIL_FROM',
  'EMAIL_REPLY_TO',
  'OUTBOX_DIR',
  'SMTP_URL',
  'SENDGRID_API_KEY',
  'SENDGRID_API_URL',
] as const;
/** The driver and the sender; each driver's own settings are checked when it is chosen (a test passes only those). */
type MailConfig = Pick<EnvironmentVariables, 'EMAIL_DRIVER' | 'EMAIL_FROM'> &
  Partial<Pick<EnvironmentVariables, (typeof MAIL_CONFIG)[number]>>;

/** Builds the email driver EMAIL_DRIVER names; an unknown or incomplete choice stops boot. */
export function createMailTransport(config: MailConfig): MailTransport {
  switch (config.EMAIL_DRIVER) {
    case EmailDriver.outbox:
      return new OutboxMailTransport(settingFor(config, 'EMAIL_DRIVER', 'OUTBOX_DIR'), config.EMAIL_FROM, config.EMAIL_REPLY_TO);
    case EmailDriver.smtp:
      return new SmtpMailTransport(settingFor(config, 'EMAIL_DRIVER', 'SMTP_URL'), config.EMAIL_FROM, config.EMAIL_REPLY_TO);
    case EmailDriver.sendgrid:
      return new SendGridMailTransport({
        apiKey: settingFor(config, 'EMAIL_DRIVER', 'SENDGRID_API_KEY'),
        apiUrl: settingFor(config, 'EMAIL_DRIVER', 'SENDGRID_API_URL'),
        from: config.EMAIL_FROM,
        replyTo: config.EMAIL_REPLY_TO,
      });
    default:
      throw unknownDriver('EMAIL_DRIVER', config.EMAIL_DRIVER, EmailDriver);
  }
}
