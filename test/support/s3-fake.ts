import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3FileStorageOptions } from '../../src/infra/storage/s3.file-storage';

/* eslint-disable @typescript-eslint/no-require-imports */
// s3rver ships no types; the little used here is typed by hand.
interface KoaContext {
  method: string;
  path: string;
  querystring: string;
  headers: Record<string, string | string[] | undefined>;
  status: number;
  store: { existsObject(bucket: string, key: string): Promise<boolean> };
}
type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;
interface S3rverInstance {
  middleware: Middleware[];
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => S3rverInstance;
const S3Error = require('s3rver/lib/models/error') as new (code: string, message: string, detail?: object) => Error;
/* eslint-enable @typescript-eslint/no-require-imports */

/** s3rver's built-in account. */
export const S3_FAKE_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** One object PUT the fake received: the headers the conditional, checksummed write depends on, and the answer. */
export interface RecordedPut {
  key: string;
  ifNoneMatch?: string;
  checksumSha256?: string;
  metaSha256?: string;
  status: number;
}

export interface S3Fake {
  endpoint: string;
  bucket: string;
  puts: RecordedPut[];
  /** Driver options for this fake's bucket (path-style, the fake's account). */
  options(overrides?: Partial<S3FileStorageOptions>): S3FileStorageOptions;
  close(): Promise<void>;
}

/**
 * s3rver (an S3 fake over HTTP on 127.0.0.1, a random port, files in a
 * temporary folder) with one bucket. It knows the bucket, keys and object
 * metadata (`x-amz-meta-*`) and refuses an unknown access key id; it does not
 * verify SigV4 signatures (any secret passes), ignores `If-None-Match` on PUT
 * and does not check `x-amz-checksum-*` against the bytes. With `conditionalWrites` (the default) a middleware in
 * front of it does what S3, R2 and MinIO do: a PUT with `If-None-Match: *` on
 * an existing key answers 412 PreconditionFailed, checked and stored under a
 * per-key lock so two racing writes cannot both pass.
 */
export async function startS3Fake(options: { conditionalWrites?: boolean } = {}): Promise<S3Fake> {
  const directory = mkdtempSync(join(tmpdir(), 'chatgrow-s3rver-'));
  const bucket = 'chatgrow-test';
  const fake = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const puts: RecordedPut[] = [];
  const locks = new Map<string, Promise<void>>();
  const header = (ctx: KoaContext, name: string) => {
    const value = ctx.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  fake.middleware.unshift(async (ctx, next) => {
    const [, bucketName, ...rest] = ctx.path.split('/');
    const key = decodeURIComponent(rest.join('/'));
    // An object PUT: not a bucket, not a sub-resource (?tagging, ?uploadId…; the SDK adds ?x-id=PutObject), not a copy.
    const query = [...new URLSearchParams(ctx.querystring).keys()].filter((name) => name !== 'x-id');
    if (ctx.method !== 'PUT' || !key || query.length > 0 || header(ctx, 'x-amz-copy-source')) return next();
    const put: RecordedPut = {
      key,
      ifNoneMatch: header(ctx, 'if-none-match'),
      checksumSha256: header(ctx, 'x-amz-checksum-sha256'),
      metaSha256: header(ctx, 'x-amz-meta-sha256'),
      status: 0,
    };
    puts.push(put);
    const lockKey = `${bucketName}/${key}`;
    const before = locks.get(lockKey) ?? Promise.resolve();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const mine = before.then(() => gate);
    locks.set(lockKey, mine);
    await before;
    try {
      if (options.conditionalWrites !== false && put.ifNoneMatch === '*' && (await ctx.store.existsObject(bucketName, key))) {
        put.status = 412;
        throw new S3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', {
          Condition: 'If-None-Match',
        });
      }
      await next();
      put.status = ctx.status;
    } finally {
      release();
      if (locks.get(lockKey) === mine) locks.delete(lockKey);
    }
  });
  const { port } = await fake.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    puts,
    options: (overrides = {}) => ({
      bucket,
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      ...S3_FAKE_CREDENTIALS,
      ...overrides,
    }),
    async close() {
      await fake.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
