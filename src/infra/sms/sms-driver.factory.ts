import { settingFor, unknownDriver } from '../config/driver-choices';
import { type EnvironmentVariables, SmsDriver } from '../config/env.schema';
import { LogSmsTransport } from './log.sms-transport';
import type { SmsTransport } from './sms.port';

export const SMS_CONFIG = ['SMS_DRIVER', 'OUTBOX_DIR'] as const;
/** The driver; each driver's own settings are checked when it is chosen (a test passes only those). */
type SmsConfig = Pick<EnvironmentVariables, 'SMS_DRIVER'> & Partial<Pick<EnvironmentVariables, (typeof SMS_CONFIG)[number]>>;

/** Builds the SMS driver SMS_DRIVER names; an unknown or incomplete choice stops boot. */
export function createSmsTransport(config: SmsConfig): SmsTransport {
  switch (config.SMS_DRIVER) {
    case SmsDriver.log:
      return new LogSmsTransport(settingFor(config, 'SMS_DRIVER', 'OUTBOX_DIR'));
    default:
      throw unknownDriver('SMS_DRIVER', config.SMS_DRIVER, SmsDriver);
  }
}
