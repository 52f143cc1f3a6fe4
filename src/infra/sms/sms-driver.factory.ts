import { requireOneOf, settingFor, unknownDriver } from '../config/driver-choices';
import { type EnvironmentVariables, SmsDriver } from '../config/env.schema';
import { LogSmsTransport } from './log.sms-transport';
import type { SmsTransport } from './sms.port';
import type { TwilioSmsTransport as TwilioDriver } from './twilio.sms-transport';

export const SMS_CONFIG = [
  'SMS_DRIVER',
  'OUTBOX_DIR',
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'TWILIO_FROM',
  'TWILIO_MESSAGING_SERVICE_SID',
  'TWILIO_API_URL',
] as const;
/** The driver; each driver's own settings are checked when it is chosen (a test passes only those). */
type SmsConfig = Pick<EnvironmentVariables, 'SMS_DRIVER'> & Partial<Pick<EnvironmentVariables, (typeof SMS_CONFIG)[number]>>;

/** Builds the SMS driver SMS_DRIVER names; an unknown or incomplete choice stops boot. */
export function createSmsTransport(config: SmsConfig): SmsTransport {
  switch (config.SMS_DRIVER) {
    case SmsDriver.log:
      return new LogSmsTransport(settingFor(config, 'SMS_DRIVER', 'OUTBOX_DIR'));
    case SmsDriver.twilio: {
      requireOneOf(config, 'SMS_DRIVER', ['TWILIO_FROM', 'TWILIO_MESSAGING_SERVICE_SID']);
      // Loaded only when chosen: the Twilio SDK takes a noticeable part of a second to load.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { TwilioSmsTransport } = require('./twilio.sms-transport') as { TwilioSmsTransport: typeof TwilioDriver };
      return new TwilioSmsTransport({
        accountSid: settingFor(config, 'SMS_DRIVER', 'TWILIO_ACCOUNT_SID'),
        authToken: settingFor(config, 'SMS_DRIVER', 'TWILIO_AUTH_TOKEN'),
        from: config.TWILIO_FROM,
        messagingServiceSid: config.TWILIO_MESSAGING_SERVICE_SID,
        apiUrl: config.TWILIO_API_URL,
      });
    }
    default:
      throw unknownDriver('SMS_DRIVER', config.SMS_DRIVER, SmsDriver);
  }
}
