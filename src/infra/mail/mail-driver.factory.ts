import { settingFor, unknownDriver } from '../config/driver-choices';
import { EmailDriver, type EnvironmentVariables } from '../config/env.schema';
import type { MailTransport } from './mail.port';
import { OutboxMailTransport } from './outbox.mail-transport';
import { SmtpMailTransport } from './smtp.mail-transport';

export const MAIL_CONFIG = ['EMAIL_DRIVER', 'EMAIL_FROM', 'EMAIL_REPLY_TO', 'OUTBOX_DIR', 'SMTP_URL'] as const;
type MailConfig = Pick<EnvironmentVariables, (typeof MAIL_CONFIG)[number]>;

/** Builds the email driver EMAIL_DRIVER names; an unknown or incomplete choice stops boot. */
export function createMailTransport(config: MailConfig): MailTransport {
  switch (config.EMAIL_DRIVER) {
    case EmailDriver.outbox:
      return new OutboxMailTransport(settingFor(config, 'EMAIL_DRIVER', 'OUTBOX_DIR'), config.EMAIL_FROM, config.EMAIL_REPLY_TO);
    case EmailDriver.smtp:
      return new SmtpMailTransport(settingFor(config, 'EMAIL_DRIVER', 'SMTP_URL'), config.EMAIL_FROM, config.EMAIL_REPLY_TO);
    default:
      throw unknownDriver('EMAIL_DRIVER', config.EMAIL_DRIVER, EmailDriver);
  }
}
