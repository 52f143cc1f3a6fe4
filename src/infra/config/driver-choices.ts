import { ConfigValidationError } from './config-validation.error';
import {
  AiDriver,
  AllocationDriver,
  DocumentStreamDriver,
  EmailDriver,
  type EnvironmentVariables,
  QueueDriver,
  RateLimitStore,
  SmsDriver,
  StorageDriver,
} from './env.schema';

/*
 * Adapters are chosen at boot, one way for every port:
 *   - `src/infra/<port>/<port>.port.ts`: the interface and its injection token;
 *   - a driver enum in the validated config (env.schema.ts), defaulted and checked below;
 *   - `src/infra/<port>/<port>-driver.factory.ts`: `create…(config)`, one `switch` over the
 *     enum that builds the driver and throws a ConfigValidationError for anything else,
 *     registered in the port's module as `{ provide: TOKEN, useFactory, inject: [ConfigService] }`
 *     (plus what a driver is built on, such as the database).
 * Tests choose a driver through the config like any deployment; production code never
 * asks which environment it runs in.
 */

/** The variable that chooses each port's driver. */
export type DriverVariable =
  | 'EMAIL_DRIVER'
  | 'SMS_DRIVER'
  | 'DOCUMENT_STREAM_DRIVER'
  | 'QUEUE_DRIVER'
  | 'RATE_LIMIT_STORE'
  | 'STORAGE_DRIVER'
  | 'ALLOCATION_DRIVER'
  | 'PAYMENT_PROVIDER'
  | 'AI_DRIVER';

/**
 * Unset driver variables follow the connection settings, as they did before the
 * variables existed, so a deployment that sets only REDIS_URL or MONGODB_URI keeps
 * its drivers, and one that sets nothing needs nothing running.
 */
export function applyDriverDefaults(env: EnvironmentVariables): void {
  env.DOCUMENT_STREAM_DRIVER ??= env.MONGODB_URI ? DocumentStreamDriver.mongodb : DocumentStreamDriver.postgres;
  env.QUEUE_DRIVER ??= env.REDIS_URL ? QueueDriver.redis : QueueDriver.postgres;
  env.RATE_LIMIT_STORE ??= env.REDIS_URL ? RateLimitStore.redis : RateLimitStore.memory;
}

type Setting = keyof EnvironmentVariables;

/** The settings each driver cannot run without; a list means any one of them will do. */
const REQUIRED_SETTINGS: { driver: DriverVariable; value: string; setting: Setting | readonly Setting[] }[] = [
  { driver: 'EMAIL_DRIVER', value: EmailDriver.smtp, setting: 'SMTP_URL' },
  { driver: 'EMAIL_DRIVER', value: EmailDriver.sendgrid, setting: 'SENDGRID_API_KEY' },
  { driver: 'SMS_DRIVER', value: SmsDriver.twilio, setting: 'TWILIO_ACCOUNT_SID' },
  { driver: 'SMS_DRIVER', value: SmsDriver.twilio, setting: 'TWILIO_AUTH_TOKEN' },
  { driver: 'SMS_DRIVER', value: SmsDriver.twilio, setting: ['TWILIO_FROM', 'TWILIO_MESSAGING_SERVICE_SID'] },
  { driver: 'DOCUMENT_STREAM_DRIVER', value: DocumentStreamDriver.mongodb, setting: 'MONGODB_URI' },
  { driver: 'QUEUE_DRIVER', value: QueueDriver.redis, setting: 'REDIS_URL' },
  { driver: 'RATE_LIMIT_STORE', value: RateLimitStore.redis, setting: 'REDIS_URL' },
  { driver: 'STORAGE_DRIVER', value: StorageDriver.s3, setting: 'S3_BUCKET' },
  { driver: 'STORAGE_DRIVER', value: StorageDriver.s3, setting: 'S3_ACCESS_KEY_ID' },
  { driver: 'STORAGE_DRIVER', value: StorageDriver.s3, setting: 'S3_SECRET_ACCESS_KEY' },
  { driver: 'ALLOCATION_DRIVER', value: AllocationDriver.ita, setting: 'ITA_CLIENT_ID' },
  { driver: 'ALLOCATION_DRIVER', value: AllocationDriver.ita, setting: 'ITA_CLIENT_SECRET' },
  { driver: 'ALLOCATION_DRIVER', value: AllocationDriver.ita, setting: 'ITA_SOFTWARE_NUMBER' },
  { driver: 'AI_DRIVER', value: AiDriver.openai, setting: 'OPENAI_API_KEY' },
];

const requiredWhen = (setting: string, driver: string, value: unknown) => `${setting}: required when ${driver}=${String(value)}`;

const alternatives = (setting: Setting | readonly Setting[]): readonly Setting[] => (typeof setting === 'string' ? [setting] : setting);

/** One problem per driver chosen without its setting, naming both variables. */
export function missingDriverSettings(env: EnvironmentVariables): string[] {
  return REQUIRED_SETTINGS.filter((r) => env[r.driver] === r.value && alternatives(r.setting).every((s) => !env[s])).map((r) =>
    requiredWhen(alternatives(r.setting).join(' or '), r.driver, r.value),
  );
}

/** For the factories: the setting the chosen driver needs, or the same config error validateEnv gives. */
export function settingFor<C extends Partial<Record<DriverVariable, unknown>>, S extends keyof C & string>(
  config: C,
  driver: DriverVariable & keyof C,
  setting: S,
): NonNullable<C[S]> {
  const value = config[setting];
  if (value === undefined || value === null || value === '')
    throw ConfigValidationError.of([requiredWhen(setting, driver, config[driver])]);
  return value as NonNullable<C[S]>;
}

/** For the factories: at least one of the settings is given, or the same config error validateEnv gives. */
export function requireOneOf<C extends Partial<Record<DriverVariable, unknown>>>(
  config: C,
  driver: DriverVariable & keyof C,
  settings: readonly (keyof C & string)[],
): void {
  if (settings.some((s) => config[s] !== undefined && config[s] !== null && config[s] !== '')) return;
  throw ConfigValidationError.of([requiredWhen(settings.join(' or '), driver, config[driver])]);
}

/** For the factories' `default:` branch: a driver no case builds stops boot. */
export function unknownDriver(driver: DriverVariable, value: unknown, drivers: object): ConfigValidationError {
  return ConfigValidationError.of([`${driver}: unknown driver "${String(value)}" (one of: ${Object.values(drivers).join(', ')})`]);
}

/** The boot log line: what runs behind each port in this process. */
export function describeDrivers(env: EnvironmentVariables): string {
  return [
    'Drivers:',
    `database=${env.DATABASE_URL ? 'external' : 'embedded'}`,
    `email=${env.EMAIL_DRIVER}`,
    `sms=${env.SMS_DRIVER}`,
    `documents=${env.DOCUMENT_STREAM_DRIVER}`,
    `queue=${env.QUEUE_DRIVER}`,
    `rate-limit=${env.RATE_LIMIT_STORE}`,
    `storage=${env.STORAGE_DRIVER}`,
    `allocation=${env.ALLOCATION_DRIVER}`,
    `payments=${env.PAYMENT_PROVIDER}`,
    `ai=${env.AI_DRIVER}`,
  ].join(' ');
}
