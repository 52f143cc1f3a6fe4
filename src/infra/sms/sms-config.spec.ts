import 'reflect-metadata';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { SmsDriver } from '../config/env.schema';
import { ConfigValidationError, validateEnv } from '../config/validate-env';
import { LogSmsTransport } from './log.sms-transport';
import { createSmsTransport } from './sms-driver.factory';
import { TwilioSmsTransport } from './twilio.sms-transport';

const dataDir = mkdtempSync(join(tmpdir(), 'chatgrow-sms-config-'));
const base = { DATA_DIR: dataDir, JWT_SECRET: 'a-secret-that-is-long-enough-for-the-schema-0123' };
const ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
const SERVICE_SID = `MG${'fedcba9876543210'.repeat(2)}`;

function failure(raw: Record<string, string>): string {
  try {
    validateEnv({ ...base, ...raw });
  } catch (err) {
    assert.ok(err instanceof ConfigValidationError);
    return err.message;
  }
  assert.fail('validation passed');
}

describe('SMS configuration', () => {
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('defaults to the log driver, writing DATA_DIR/outbox/sms.log', () => {
    const env = validateEnv({ ...base });
    assert.equal(env.SMS_DRIVER, 'log');
    const transport = createSmsTransport(env);
    assert.ok(transport instanceof LogSmsTransport);
    assert.equal(transport.file, `${dataDir}/outbox/sms.log`);
  });

  it('stops boot when SMS_DRIVER=twilio lacks credentials or a sender, naming the variables', () => {
    const message = failure({ SMS_DRIVER: 'twilio' });
    assert.match(message, /TWILIO_ACCOUNT_SID: required when SMS_DRIVER=twilio/);
    assert.match(message, /TWILIO_AUTH_TOKEN: required when SMS_DRIVER=twilio/);
    assert.match(message, /TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID: required when SMS_DRIVER=twilio/);
    assert.equal(message.split('\n').length, 4, 'one line each');
    const credentials = { SMS_DRIVER: 'twilio', TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: 'token' };
    assert.match(
      failure(credentials),
      /^Invalid configuration:\n {2}TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID: required when SMS_DRIVER=twilio$/,
    );
    assert.equal(validateEnv({ ...base, ...credentials, TWILIO_FROM: '+972533000111' }).SMS_DRIVER, 'twilio');
    assert.equal(validateEnv({ ...base, ...credentials, TWILIO_MESSAGING_SERVICE_SID: SERVICE_SID }).SMS_DRIVER, 'twilio');
  });

  it('checks the shape of the Twilio settings', () => {
    const message = failure({
      TWILIO_ACCOUNT_SID: 'SK0123',
      TWILIO_FROM: '050-1234567',
      TWILIO_MESSAGING_SERVICE_SID: 'AC123',
      TWILIO_API_URL: 'api.twilio.com',
    });
    assert.match(message, /TWILIO_ACCOUNT_SID: TWILIO_ACCOUNT_SID must be an Account SID/);
    assert.match(message, /TWILIO_FROM: TWILIO_FROM must be a number in E.164/);
    assert.match(message, /TWILIO_MESSAGING_SERVICE_SID: TWILIO_MESSAGING_SERVICE_SID must be a Messaging Service SID/);
    assert.match(message, /TWILIO_API_URL: TWILIO_API_URL must be an http\(s\) URL/);
    for (const from of ['+972533000111', 'DanaStudio', 'Dana 2'])
      assert.equal(validateEnv({ ...base, TWILIO_FROM: from }).TWILIO_FROM, from);
    assert.match(failure({ TWILIO_FROM: 'DanaStudio12' }), /TWILIO_FROM:/, 'an alphanumeric sender id is at most 11 characters');
    assert.match(failure({ TWILIO_FROM: '12345' }), /TWILIO_FROM:/, 'digits alone are a number, and numbers are E.164');
  });

  it('builds the Twilio driver, and refuses one without a sender at the factory too', () => {
    const env = validateEnv({
      ...base,
      SMS_DRIVER: 'twilio',
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: 'token',
      TWILIO_FROM: 'DanaStudio',
    });
    assert.ok(createSmsTransport(env) instanceof TwilioSmsTransport);
    assert.throws(
      () => createSmsTransport({ SMS_DRIVER: SmsDriver.twilio, TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: 'token' }),
      (err: Error) =>
        err instanceof ConfigValidationError &&
        /TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID: required when SMS_DRIVER=twilio/.test(err.message),
    );
    assert.throws(
      () => createSmsTransport({ SMS_DRIVER: SmsDriver.twilio, TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_FROM: 'DanaStudio' }),
      (err: Error) => err instanceof ConfigValidationError && /TWILIO_AUTH_TOKEN: required when SMS_DRIVER=twilio/.test(err.message),
    );
  });

  it('refuses an unknown driver, in validation and at the factory', () => {
    assert.match(failure({ SMS_DRIVER: 'pigeon' }), /SMS_DRIVER: SMS_DRIVER must be one of: log, twilio/);
    assert.throws(
      () => createSmsTransport({ SMS_DRIVER: 'pigeon' as never, OUTBOX_DIR: dataDir }),
      (err: Error) => err instanceof ConfigValidationError && /SMS_DRIVER: unknown driver "pigeon"/.test(err.message),
    );
    assert.throws(
      () => createSmsTransport({ SMS_DRIVER: SmsDriver.log }),
      (err: Error) => err instanceof ConfigValidationError && /OUTBOX_DIR: required when SMS_DRIVER=log/.test(err.message),
    );
  });
});
