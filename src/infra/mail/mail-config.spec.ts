import 'reflect-metadata';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { EmailDriver } from '../config/env.schema';
import { ConfigValidationError, validateEnv } from '../config/validate-env';
import { createMailTransport } from './mail-driver.factory';
import { OutboxMailTransport } from './outbox.mail-transport';
import { SmtpMailTransport } from './smtp.mail-transport';

const dataDir = mkdtempSync(join(tmpdir(), 'chatgrow-mail-config-'));
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

describe('email configuration', () => {
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('defaults to the outbox driver under DATA_DIR and the ChatGrow sender', () => {
    const env = validateEnv({ ...base });
    assert.equal(env.EMAIL_DRIVER, 'outbox');
    assert.equal(env.OUTBOX_DIR, `${dataDir}/outbox`);
    assert.equal(env.EMAIL_FROM, 'ChatGrow <no-reply@chatgrow.local>');
    assert.ok(createMailTransport(env) instanceof OutboxMailTransport);
  });

  it('stops boot when EMAIL_DRIVER=smtp has no SMTP_URL, naming SMTP_URL', () => {
    const message = failure({ EMAIL_DRIVER: 'smtp' });
    assert.match(message, /SMTP_URL: required when EMAIL_DRIVER=smtp/);
    assert.doesNotMatch(message, /EMAIL_DRIVER:/);
  });

  it('stops boot when EMAIL_DRIVER=sendgrid has no SENDGRID_API_KEY, and checks SENDGRID_API_URL', () => {
    assert.match(failure({ EMAIL_DRIVER: 'sendgrid' }), /SENDGRID_API_KEY: required when EMAIL_DRIVER=sendgrid/);
    assert.match(
      failure({ EMAIL_DRIVER: 'sendgrid', SENDGRID_API_KEY: 'SG.x', SENDGRID_API_URL: 'api.sendgrid.com' }),
      /SENDGRID_API_URL: SENDGRID_API_URL must be an http\(s\) URL/,
    );
    assert.throws(
      () => createMailTransport({ EMAIL_DRIVER: EmailDriver.sendgrid, EMAIL_FROM: 'a@b.co', SENDGRID_API_URL: 'https://api.sendgrid.com' }),
      (err: Error) => err instanceof ConfigValidationError && /SENDGRID_API_KEY: required when EMAIL_DRIVER=sendgrid/.test(err.message),
    );
  });

  it('names EMAIL_DRIVER, SMTP_URL and EMAIL_FROM when their values are wrong', () => {
    assert.match(failure({ EMAIL_DRIVER: 'mailgun' }), /EMAIL_DRIVER: EMAIL_DRIVER must be one of: outbox, smtp, sendgrid/);
    assert.match(
      failure({ EMAIL_DRIVER: 'smtp', SMTP_URL: 'http://mail.example.co.il' }),
      /SMTP_URL: SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
    assert.match(failure({ EMAIL_FROM: 'not an address' }), /EMAIL_FROM:/);
    assert.match(failure({ EMAIL_REPLY_TO: 'not an address' }), /EMAIL_REPLY_TO: EMAIL_REPLY_TO must be an address/);
    assert.equal(validateEnv({ ...base, EMAIL_REPLY_TO: '' }).EMAIL_REPLY_TO, undefined, 'empty as in .env.example');
  });

  it('accepts smtp with a URL and an explicit outbox folder, and builds the chosen driver', () => {
    const env = validateEnv({
      ...base,
      EMAIL_DRIVER: 'smtp',
      SMTP_URL: 'smtp://user:pass@127.0.0.1:2525',
      OUTBOX_DIR: join(dataDir, 'elsewhere'),
      EMAIL_FROM: 'סטודיו דנה <hello@dana.co.il>',
    });
    assert.equal(env.OUTBOX_DIR, join(dataDir, 'elsewhere'));
    const transport = createMailTransport(env);
    assert.ok(transport instanceof SmtpMailTransport);
    transport.close();
  });

  it('refuses an unknown driver at the factory too (boot fails rather than mail vanishing)', () => {
    assert.throws(
      () => createMailTransport({ EMAIL_DRIVER: 'carrier-pigeon' as never, EMAIL_FROM: 'a@b.co', OUTBOX_DIR: dataDir }),
      /EMAIL_DRIVER: unknown driver/,
    );
  });

  it('refuses at the factory, as a config error, a driver without its setting', () => {
    assert.throws(
      () => createMailTransport({ EMAIL_DRIVER: EmailDriver.smtp, EMAIL_FROM: 'a@b.co', OUTBOX_DIR: dataDir }),
      (err: Error) => err instanceof ConfigValidationError && /SMTP_URL: required when EMAIL_DRIVER=smtp/.test(err.message),
    );
    assert.throws(
      () => createMailTransport({ EMAIL_DRIVER: 'carrier-pigeon' as never, EMAIL_FROM: 'a@b.co', OUTBOX_DIR: dataDir }),
      (err: Error) => err instanceof ConfigValidationError && /one of: outbox, smtp, sendgrid/.test(err.message),
    );
  });
});
