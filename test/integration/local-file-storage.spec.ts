import 'reflect-metadata';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { InvalidStorageKeyException } from '../../src/infra/storage/file-storage.exception';
import { LocalFileStorage } from '../../src/infra/storage/local.file-storage';
import { fileStorageContract, pdfLikeBytes } from '../contracts/file-storage.contract';

describe('file storage: local driver', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chatgrow-files-'));
  const root = join(dir, 'files');
  const storage = new LocalFileStorage(root);
  const readOnly = join(dir, 'read-only');
  const aFile = join(dir, 'a-file');
  before(() => {
    writeFileSync(aFile, 'not a folder');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
  });
  after(() => {
    chmodSync(readOnly, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  describe('the contract', () => {
    // A folder below a file, and (unless running as root, who ignores modes) a read-only folder.
    fileStorageContract(() => ({
      storage,
      broken: [new LocalFileStorage(join(aFile, 'files')), ...(process.getuid?.() === 0 ? [] : [new LocalFileStorage(readOnly)])],
    }));
  });

  it('lays keys out as folders under the root and leaves no temporary file behind', async () => {
    await storage.put('biz-1/invoices/0001.pdf', pdfLikeBytes(), 'application/pdf');
    assert.deepEqual(readdirSync(join(root, 'biz-1', 'invoices')), ['0001.pdf']);
    assert.deepEqual(readdirSync(join(root, '.tmp')), []);
  });

  it('makes the temporary folder again when it went away while running', async () => {
    await storage.put('biz-4/invoices/0001.pdf', pdfLikeBytes(), 'application/pdf');
    rmSync(join(root, '.tmp'), { recursive: true, force: true });
    await storage.put('biz-4/invoices/0002.pdf', pdfLikeBytes(), 'application/pdf');
    assert.deepEqual(readdirSync(join(root, 'biz-4', 'invoices')), ['0001.pdf', '0002.pdf']);
    assert.deepEqual(readdirSync(join(root, '.tmp')), []);
  });

  it('refuses a key whose folder is a stored file, and a key that is a folder of other keys', async () => {
    await storage.put('biz-2/doc', Buffer.from('a file'), 'text/plain');
    await assert.rejects(storage.put('biz-2/doc/inner', Buffer.from('x'), 'text/plain'), InvalidStorageKeyException);
    await storage.put('biz-3/area/file', Buffer.from('x'), 'text/plain');
    await assert.rejects(storage.put('biz-3/area', Buffer.from('y'), 'text/plain'), InvalidStorageKeyException);
    assert.equal(await storage.get('biz-3/area'), null, 'a folder is not a file');
    assert.deepEqual(readdirSync(join(root, '.tmp')), []);
  });

  it('reports an unusable folder in the probe with the path and the reason', async () => {
    const result = await new LocalFileStorage(join(aFile, 'files')).probe();
    assert.equal(result.ok, false);
    assert.match(result.detail ?? '', /a-file\/files is not writable: .*(ENOTDIR|EEXIST)/);
  });
});
