import 'reflect-metadata';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { StorageDriver } from '../config/env.schema';
import { ConfigValidationError, validateEnv } from '../config/validate-env';
import { LocalFileStorage } from './local.file-storage';
import { S3FileStorage } from './s3.file-storage';
import { createFileStorage } from './storage-driver.factory';

const dataDir = mkdtempSync(join(tmpdir(), 'chatgrow-storage-config-'));
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

describe('file storage configuration', () => {
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('defaults to the local driver under DATA_DIR/files, or STORAGE_DIR', () => {
    const env = validateEnv({ ...base });
    assert.equal(env.STORAGE_DRIVER, 'local');
    assert.equal(env.STORAGE_DIR, `${dataDir}/files`);
    const storage = createFileStorage(env);
    assert.ok(storage instanceof LocalFileStorage);
    assert.equal(storage.driver, 'local');
    assert.equal(storage.root, `${dataDir}/files`);
    const elsewhere = join(dataDir, 'documents');
    const chosen = createFileStorage(validateEnv({ ...base, STORAGE_DRIVER: 'local', STORAGE_DIR: elsewhere }));
    assert.equal((chosen as LocalFileStorage).root, elsewhere);
    assert.equal(validateEnv({ ...base, STORAGE_DIR: '' }).STORAGE_DIR, `${dataDir}/files`, 'empty as in .env.example');
  });

  it('stops boot when STORAGE_DRIVER=s3 lacks the bucket or credentials, naming the variables', () => {
    const message = failure({ STORAGE_DRIVER: 's3' });
    assert.match(message, /S3_BUCKET: required when STORAGE_DRIVER=s3/);
    assert.match(message, /S3_ACCESS_KEY_ID: required when STORAGE_DRIVER=s3/);
    assert.match(message, /S3_SECRET_ACCESS_KEY: required when STORAGE_DRIVER=s3/);
    assert.equal(message.split('\n').length, 4, 'one line each');
    assert.match(
      failure({ STORAGE_DRIVER: 's3', S3_BUCKET: 'chatgrow-documents', S3_ACCESS_KEY_ID: 'AKIAEXAMPLE' }),
      /^Invalid configuration:\n {2}S3_SECRET_ACCESS_KEY: required when STORAGE_DRIVER=s3$/,
    );
  });

  it('builds the s3 driver from complete settings, and refuses incomplete ones at the factory too', () => {
    const env = validateEnv({
      ...base,
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'chatgrow-documents',
      S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_FORCE_PATH_STYLE: 'true',
    });
    const storage = createFileStorage(env);
    assert.ok(storage instanceof S3FileStorage);
    assert.equal(storage.driver, 's3');
    assert.equal(storage.bucket, 'chatgrow-documents');
    assert.throws(
      () => createFileStorage({ STORAGE_DRIVER: StorageDriver.s3, S3_BUCKET: 'chatgrow-documents', S3_ACCESS_KEY_ID: 'AKIAEXAMPLE' }),
      (err: Error) => err instanceof ConfigValidationError && /S3_SECRET_ACCESS_KEY: required when STORAGE_DRIVER=s3/.test(err.message),
    );
  });

  it('checks the shape of the S3 settings', () => {
    const message = failure({
      S3_BUCKET: 'Invoices_Bucket',
      S3_REGION: 'Frankfurt am Main',
      S3_ENDPOINT: 'minio:9000',
      S3_FORCE_PATH_STYLE: 'sometimes',
    });
    assert.match(message, /S3_BUCKET: S3_BUCKET must be a bucket name/);
    assert.match(message, /S3_REGION: S3_REGION must be a region/);
    assert.match(message, /S3_ENDPOINT: S3_ENDPOINT must be an http\(s\) URL/);
    assert.match(message, /S3_FORCE_PATH_STYLE: S3_FORCE_PATH_STYLE must be true or false/);
    const env = validateEnv({ ...base });
    assert.equal(env.S3_REGION, 'us-east-1');
    assert.equal(env.S3_FORCE_PATH_STYLE, false);
    for (const [raw, value] of [
      ['true', true],
      ['1', true],
      ['TRUE', true],
      ['false', false],
      ['0', false],
      ['', false],
    ] as const)
      assert.equal(validateEnv({ ...base, S3_FORCE_PATH_STYLE: raw }).S3_FORCE_PATH_STYLE, value, raw);
  });

  it('refuses an unknown driver, in validation and at the factory', () => {
    assert.match(failure({ STORAGE_DRIVER: 'ftp' }), /STORAGE_DRIVER: STORAGE_DRIVER must be one of: local, s3/);
    assert.throws(
      () => createFileStorage({ STORAGE_DRIVER: 'ftp' as never }),
      (err: Error) =>
        err instanceof ConfigValidationError && /STORAGE_DRIVER: unknown driver "ftp" \(one of: local, s3\)/.test(err.message),
    );
    assert.throws(
      () => createFileStorage({ STORAGE_DRIVER: StorageDriver.local }),
      (err: Error) => err instanceof ConfigValidationError && /STORAGE_DIR: required when STORAGE_DRIVER=local/.test(err.message),
    );
  });
});
