import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { InvalidStorageKeyException, StoredFileConflictException } from '../../src/infra/storage/file-storage.exception';
import type { FileStorage } from '../../src/infra/storage/file-storage.port';

export interface FileStorageContext {
  storage: FileStorage;
  /** The same driver, pointed at a store that cannot be used (unwritable folder, missing bucket, closed port). */
  broken: FileStorage[];
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A PDF-like file: a header, every byte value 0..255 twice, Hebrew in UTF-8, a trailer. */
export function pdfLikeBytes(): Buffer {
  const all = Buffer.alloc(512);
  for (let i = 0; i < all.length; i++) all[i] = i % 256;
  return Buffer.concat([
    Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
    all,
    Buffer.from('\n(חשבונית מס קבלה 0042 — סטודיו דנה ₪120)\n', 'utf8'),
    Buffer.from('\r\n\0\0\xff\xfe%%EOF\n', 'latin1'),
  ]);
}

/** Keys in their own folder per test, so a suite can run against a store that outlives it. */
const keyIn = (area: string) => `${randomUUID()}/${area}/${randomUUID()}.pdf`;

const INVALID_KEYS = [
  '',
  '/abs/olute.pdf',
  '../escape.pdf',
  'biz/../../escape.pdf',
  'biz/./file.pdf',
  'biz//file.pdf',
  'biz/file.pdf/',
  'biz/.hidden',
  'biz/חשבונית.pdf',
  'biz/with space.pdf',
  'biz\\win.pdf',
  'biz/file?.pdf',
  'biz/nul\0.pdf',
  `biz/${'a'.repeat(1100)}`,
];

/**
 * What every FileStorage driver must do. Each driver's spec calls this with a
 * usable store and some unusable ones; the same tests, whatever is behind them.
 */
export function fileStorageContract(ctx: () => FileStorageContext): void {
  it('stores bytes and gives back the same bytes, with their size and SHA-256', async () => {
    const { storage } = ctx();
    const key = keyIn('invoices');
    const bytes = pdfLikeBytes();
    const stored = await storage.put(key, bytes, 'application/pdf');
    assert.deepEqual(stored, { key, size: bytes.length, sha256: sha256(bytes), contentType: 'application/pdf' });
    assert.match(stored.sha256, /^[0-9a-f]{64}$/);
    const back = await storage.get(key);
    assert.ok(back);
    assert.ok(Buffer.isBuffer(back));
    assert.equal(back.length, bytes.length);
    assert.ok(back.equals(bytes), 'byte for byte');
    assert.equal(sha256(back), stored.sha256);
  });

  it('keeps Hebrew text and an empty file as given', async () => {
    const { storage } = ctx();
    const hebrew = Buffer.from('שם העסק: סטודיו דנה בע״מ\nח.פ 515555555\n', 'utf8');
    const key = keyIn('logos');
    await storage.put(key, hebrew, 'text/plain; charset=utf-8');
    assert.equal((await storage.get(key))?.toString('utf8'), 'שם העסק: סטודיו דנה בע״מ\nח.פ 515555555\n');
    const empty = keyIn('empty');
    assert.deepEqual(await storage.put(empty, Buffer.alloc(0), 'application/octet-stream'), {
      key: empty,
      size: 0,
      sha256: sha256(Buffer.alloc(0)),
      contentType: 'application/octet-stream',
    });
    assert.deepEqual(await storage.get(empty), Buffer.alloc(0));
  });

  it('answers a second put of the same bytes with the same stored file (idempotent)', async () => {
    const { storage } = ctx();
    const key = keyIn('invoices');
    const bytes = pdfLikeBytes();
    const first = await storage.put(key, bytes, 'application/pdf');
    const again = await storage.put(key, Buffer.from(bytes), 'application/pdf');
    assert.deepEqual(again, first);
    assert.ok((await storage.get(key))?.equals(bytes));
  });

  it('refuses other bytes under a stored key and keeps the original (write-once)', async () => {
    const { storage } = ctx();
    const key = keyIn('invoices');
    const original = pdfLikeBytes();
    const stored = await storage.put(key, original, 'application/pdf');
    const other = Buffer.concat([original, Buffer.from('העתק')]);
    await assert.rejects(
      storage.put(key, other, 'application/pdf'),
      (err: unknown) =>
        err instanceof StoredFileConflictException && err.status === 409 && err.code === 'storage.exists' && err.key === key,
    );
    const sameLength = Buffer.from(original);
    sameLength[100] ^= 0xff;
    await assert.rejects(storage.put(key, sameLength, 'application/pdf'), StoredFileConflictException);
    const kept = await storage.get(key);
    assert.ok(kept?.equals(original), 'the original bytes are still there');
    assert.equal(sha256(kept!), stored.sha256);
  });

  it('lets exactly one of two racing puts of different bytes win; the same bytes racing both succeed', async () => {
    const { storage } = ctx();
    const key = keyIn('race');
    const a = Buffer.from('%PDF a — מקור');
    const b = Buffer.from('%PDF b — העתק');
    const results = await Promise.allSettled([storage.put(key, a, 'application/pdf'), storage.put(key, b, 'application/pdf')]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    assert.equal(won.length, 1, JSON.stringify(results));
    assert.ok(lost[0].reason instanceof StoredFileConflictException, String(lost[0].reason));
    const winner = (won[0] as PromiseFulfilledResult<{ sha256: string }>).value;
    assert.equal(sha256((await storage.get(key))!), winner.sha256);

    const same = keyIn('race');
    const twice = await Promise.all([storage.put(same, a, 'application/pdf'), storage.put(same, Buffer.from(a), 'application/pdf')]);
    assert.deepEqual(twice[0], twice[1]);
  });

  it('answers null for a key that holds nothing', async () => {
    const { storage } = ctx();
    assert.equal(await storage.get(keyIn('missing')), null);
    const key = keyIn('missing');
    await storage.put(key, Buffer.from('x'), 'text/plain');
    assert.equal(await storage.get(`${key}.other`), null);
  });

  it('refuses invalid keys in every operation with a 400-mappable error, touching nothing', async () => {
    const { storage } = ctx();
    for (const key of INVALID_KEYS) {
      const refused = (err: unknown) =>
        err instanceof InvalidStorageKeyException && err.status === 400 && err.code === 'storage.invalid_key';
      await assert.rejects(storage.put(key, Buffer.from('x'), 'text/plain'), refused, `put ${JSON.stringify(key)}`);
      await assert.rejects(storage.get(key), refused, `get ${JSON.stringify(key)}`);
      await assert.rejects(storage.delete(key), refused, `delete ${JSON.stringify(key)}`);
    }
  });

  it('accepts keys of the documented shape', async () => {
    const { storage } = ctx();
    const business = randomUUID();
    for (const key of [`${business}/invoices/2026/tax-invoice_0042.pdf`, `${business}/logo.PNG`, `${business}/a-b_c.d/e`]) {
      await storage.put(key, Buffer.from(key), 'application/octet-stream');
      assert.equal((await storage.get(key))?.toString(), key);
    }
  });

  it('deletes a file, after which the key holds nothing and can be written again; deleting nothing is fine', async () => {
    const { storage } = ctx();
    const key = keyIn('tmp');
    await storage.put(key, Buffer.from('draft'), 'application/pdf');
    await storage.delete(key);
    assert.equal(await storage.get(key), null);
    await storage.delete(key);
    await storage.delete(keyIn('never'));
    const stored = await storage.put(key, Buffer.from('final'), 'application/pdf');
    assert.equal(stored.size, 5);
    assert.equal((await storage.get(key))?.toString(), 'final');
  });

  it('probes ok when usable, and answers ok: false with a detail (never a throw) when not', async () => {
    const { storage, broken } = ctx();
    assert.deepEqual(await storage.probe(), { ok: true });
    assert.ok(broken.length > 0);
    for (const store of broken) {
      const result = await store.probe();
      assert.equal(result.ok, false);
      assert.equal(typeof result.detail, 'string');
      assert.ok(result.detail!.length > 0);
      assert.equal(store.driver, storage.driver);
    }
  });
}
