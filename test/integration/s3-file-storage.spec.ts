import 'reflect-metadata';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { StoredFileConflictException, StorageUnavailableException } from '../../src/infra/storage/file-storage.exception';
import { S3FileStorage } from '../../src/infra/storage/s3.file-storage';
import { fileStorageContract, pdfLikeBytes } from '../contracts/file-storage.contract';
import { closedPort, startHttpFake, type HttpFake } from '../support/http-fake';
import { startS3Fake, type S3Fake } from '../support/s3-fake';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes);

describe('file storage: s3 driver against s3rver over HTTP', () => {
  let fake: S3Fake;
  let storage: S3FileStorage;
  let unreachable: string;
  before(async () => {
    fake = await startS3Fake();
    storage = new S3FileStorage(fake.options());
    unreachable = `http://127.0.0.1:${await closedPort()}`;
  });
  after(() => fake.close());

  describe('the contract', () => {
    fileStorageContract(() => ({
      storage,
      broken: [
        new S3FileStorage(fake.options({ bucket: 'no-such-bucket' })),
        new S3FileStorage(fake.options({ endpoint: unreachable })),
        new S3FileStorage(fake.options({ accessKeyId: 'AKIAUNKNOWN' })),
      ],
    }));
  });

  it('writes conditionally (If-None-Match: *) with the SHA-256 as checksum and metadata', async () => {
    const key = `${randomUUID()}/invoices/0001.pdf`;
    const bytes = pdfLikeBytes();
    await storage.put(key, bytes, 'application/pdf');
    const put = fake.puts.find((p) => p.key === key);
    assert.deepEqual(put, {
      key,
      ifNoneMatch: '*',
      checksumSha256: sha256(bytes).digest('base64'),
      metaSha256: sha256(bytes).digest('hex'),
      status: 200,
    });
  });

  it('settles a race through the store’s 412: one of two different writes wins, two same writes both succeed', async () => {
    const key = `${randomUUID()}/race.pdf`;
    const results = await Promise.allSettled([
      storage.put(key, Buffer.from('first'), 'application/pdf'),
      storage.put(key, Buffer.from('other'), 'application/pdf'),
    ]);
    assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
    const same = `${randomUUID()}/race.pdf`;
    await Promise.all([
      storage.put(same, Buffer.from('same'), 'application/pdf'),
      storage.put(same, Buffer.from('same'), 'application/pdf'),
    ]);
    const answers = fake.puts.filter((p) => p.key === key || p.key === same).map((p) => p.status);
    assert.ok(answers.includes(412), `the conditional write was refused by the store at least once: ${answers.join(', ')}`);
  });

  it('compares by the bytes an object written without our metadata', async () => {
    const raw = new S3Client({
      region: 'us-east-1',
      endpoint: fake.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const key = `${randomUUID()}/imported.pdf`;
    const bytes = pdfLikeBytes();
    await raw.send(new PutObjectCommand({ Bucket: fake.bucket, Key: key, Body: bytes, ContentType: 'application/pdf' }));
    raw.destroy();
    assert.equal((await storage.put(key, Buffer.from(bytes), 'application/pdf')).sha256, sha256(bytes).digest('hex'));
    const flipped = Buffer.from(bytes);
    flipped[0] ^= 1;
    await assert.rejects(storage.put(key, flipped, 'application/pdf'), StoredFileConflictException);
  });

  it('reports a missing bucket, an unknown access key and an unreachable store as StorageUnavailable, never as a missing file', async () => {
    const key = `${randomUUID()}/x.pdf`;
    const cases: [S3FileStorage, RegExp, boolean][] = [
      [new S3FileStorage(fake.options({ bucket: 'no-such-bucket' })), /NoSuchBucket.*S3_BUCKET/, false],
      [new S3FileStorage(fake.options({ accessKeyId: 'AKIAUNKNOWN' })), /: 403 (InvalidAccessKeyId: .*)?\(.*S3_ACCESS_KEY_ID/, false],
      [new S3FileStorage(fake.options({ endpoint: unreachable })), /cannot reach the store: ECONNREFUSED/, true],
    ];
    for (const [broken, message, temporary] of cases) {
      for (const call of [() => broken.put(key, Buffer.from('x'), 'text/plain'), () => broken.get(key), () => broken.delete(key)]) {
        await assert.rejects(call(), (err: unknown) => {
          assert.ok(err instanceof StorageUnavailableException, String(err));
          assert.equal(err.status, 503);
          assert.equal(err.code, 'storage.unavailable');
          assert.match(err.message, message);
          assert.equal(err.temporary, temporary, err.message);
          return true;
        });
      }
    }
    const detail = async (s: S3FileStorage) => (await s.probe()).detail ?? '';
    assert.match(await detail(cases[0][0]), /^S3 HeadBucket no-such-bucket: 404: the bucket does not exist \(S3_BUCKET\)$/);
    assert.match(await detail(cases[1][0]), /^S3 HeadBucket chatgrow-test: 403/);
    assert.match(await detail(cases[2][0]), /^S3 HeadBucket chatgrow-test: cannot reach the store: ECONNREFUSED/);
  });

  describe('a store answering 500', () => {
    let down: HttpFake;
    before(async () => {
      down = await startHttpFake((_req, res) => {
        res.writeHead(500, { 'content-type': 'application/xml' });
        res.end(
          '<?xml version="1.0" encoding="UTF-8"?><Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>',
        );
      });
    });
    after(() => down.close());

    it('is temporarily unavailable, after the SDK’s retries', async () => {
      const s = new S3FileStorage(fake.options({ endpoint: down.url }));
      await assert.rejects(s.get('biz/a.pdf'), (err: unknown) => {
        assert.ok(err instanceof StorageUnavailableException);
        assert.match(err.message, /^S3 GetObject chatgrow-test\/biz\/a.pdf: 500 InternalError/);
        assert.equal(err.temporary, true);
        return true;
      });
      assert.equal(down.requests.length, 3, 'three attempts');
      assert.equal((await s.probe()).ok, false);
    });
  });
});

describe('file storage: s3 driver against a store that ignores If-None-Match', () => {
  let fake: S3Fake;
  before(async () => {
    fake = await startS3Fake({ conditionalWrites: false });
  });
  after(() => fake.close());

  it('still refuses other bytes under a stored key, by the HEAD that goes before the write', async () => {
    const storage = new S3FileStorage(fake.options());
    const key = `${randomUUID()}/0001.pdf`;
    const bytes = pdfLikeBytes();
    await storage.put(key, bytes, 'application/pdf');
    await assert.rejects(storage.put(key, Buffer.from('other'), 'application/pdf'), StoredFileConflictException);
    assert.ok((await storage.get(key))?.equals(bytes));
    assert.equal(fake.puts.filter((p) => p.key === key).length, 1, 'the refused put never reached the store');
  });
});
