import 'reflect-metadata';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { getMetadataStorage } from 'class-validator';
import { parseEncryptionKey } from '../../common/crypto/keyring';
import { EnvironmentVariables } from './env.schema';
import { ConfigValidationError, validateEnv } from './validate-env';

const SECRET = 'x'.repeat(40);

describe('environment validation', () => {
  it('applies the documented defaults', () => {
    const env = validateEnv({ JWT_SECRET: SECRET });
    assert.equal(env.PORT, 3000);
    assert.equal(env.DATA_DIR, './data');
    assert.equal(env.LOG_DIR, './data/logs');
    assert.equal(env.APP_ROLE, 'all');
    assert.equal(env.BCRYPT_ROUNDS, 12);
  });

  it('names each bad variable', () => {
    assert.throws(
      () => validateEnv({ JWT_SECRET: SECRET, PORT: '70000', REDIS_URL: 'http://x', APP_ROLE: 'both', JWT_ACCESS_TTL: 'soon' }),
      (err: Error) =>
        err instanceof ConfigValidationError &&
        ['PORT:', 'REDIS_URL:', 'APP_ROLE:', 'JWT_ACCESS_TTL:'].every((name) => err.message.includes(name)),
    );
  });

  it('requires JWT_SECRET in production and generates a persistent one in development', () => {
    assert.throws(() => validateEnv({ NODE_ENV: 'production' }), /JWT_SECRET: required in production/);
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    try {
      const first = validateEnv({ DATA_DIR: dir }).JWT_SECRET;
      assert.ok(first && first.length >= 32);
      assert.equal(validateEnv({ DATA_DIR: dir }).JWT_SECRET, first, 'the same secret after a restart');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('requires ENCRYPTION_KEY in production, generates a persistent one in development, and refuses a key that is not 32 bytes', () => {
    assert.throws(() => validateEnv({ NODE_ENV: 'production', JWT_SECRET: SECRET }), /ENCRYPTION_KEY: required in production/);
    const dir = mkdtempSync(join(tmpdir(), 'env-'));
    try {
      const first = validateEnv({ JWT_SECRET: SECRET, DATA_DIR: dir }).ENCRYPTION_KEY;
      assert.ok(first && parseEncryptionKey(first));
      assert.equal(validateEnv({ JWT_SECRET: SECRET, DATA_DIR: dir }).ENCRYPTION_KEY, first, 'the same key after a restart');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const hex = 'ab'.repeat(32);
    assert.equal(
      validateEnv({ JWT_SECRET: SECRET, ENCRYPTION_KEY: hex, ENCRYPTION_KEYS_RETIRED: `${'cd'.repeat(32)},` }).ENCRYPTION_KEY,
      hex,
    );
    assert.throws(() => validateEnv({ JWT_SECRET: SECRET, ENCRYPTION_KEY: 'short' }), /ENCRYPTION_KEY must be 32 random bytes/);
    assert.throws(
      () => validateEnv({ JWT_SECRET: SECRET, ENCRYPTION_KEY: hex, ENCRYPTION_KEYS_RETIRED: 'nope' }),
      /ENCRYPTION_KEYS_RETIRED/,
    );
    assert.throws(
      () => validateEnv({ JWT_SECRET: SECRET, PAYMENT_PROVIDER: 'paypal' }),
      /PAYMENT_PROVIDER must be one of: sandbox, cardcom, grow, tranzila/,
    );
  });

  it("takes SendGrid's webhook key as SendGrid shows it (base64 DER, P-256) or PEM, and refuses anything else", () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const der = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    assert.equal(validateEnv({ JWT_SECRET: SECRET, SENDGRID_WEBHOOK_PUBLIC_KEY: der }).SENDGRID_WEBHOOK_PUBLIC_KEY, der);
    validateEnv({ JWT_SECRET: SECRET, SENDGRID_WEBHOOK_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }) as string });
    assert.equal(validateEnv({ JWT_SECRET: SECRET, SENDGRID_WEBHOOK_PUBLIC_KEY: '' }).SENDGRID_WEBHOOK_PUBLIC_KEY, undefined);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    for (const bad of ['not-a-key', rsa, der.slice(0, 40)]) {
      assert.throws(
        () => validateEnv({ JWT_SECRET: SECRET, SENDGRID_WEBHOOK_PUBLIC_KEY: bad }),
        /SENDGRID_WEBHOOK_PUBLIC_KEY must be an ECDSA P-256/,
      );
    }
    assert.throws(() => validateEnv({ JWT_SECRET: SECRET, SENDGRID_WEBHOOK_MAX_AGE_SECONDS: '5' }), /SENDGRID_WEBHOOK_MAX_AGE_SECONDS/);
  });

  it('lists every variable in .env.example', () => {
    const names = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(EnvironmentVariables, '', true, false)
        .map((m) => m.propertyName),
    );
    const example = readFileSync(join(__dirname, '../../../../.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
    assert.deepEqual([...names].filter((n) => !documented.has(n)).sort(), []);
    assert.deepEqual([...documented].filter((n) => !names.has(n)).sort(), []);
  });
});
