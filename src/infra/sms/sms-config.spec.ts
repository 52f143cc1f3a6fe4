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

const dataDir = mkdtempSync(join(tmpdir(), 'chatgrow-sms-config-'));
const base = { DATA_DIR: dataDir, JWT_SECRET: 'a-secret-that-is-long-enough-for-the-schema-0123' };

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

  it('refuses an unknown driver, in validation and at the factory', () => {
    assert.match(failure({ SMS_DRIVER: 'pigeon' }), /SMS_DRIVER: SMS_DRIVER must be one of: log/);
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
