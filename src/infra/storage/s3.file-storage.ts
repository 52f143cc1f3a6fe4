import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { StoredFileConflictException, StorageUnavailableException } from './file-storage.exception';
import type { FileStorage, StoredFile } from './file-storage.port';
import { assertStorageKey } from './storage-key';

export interface S3FileStorageOptions {
  bucket: string;
  region: string;
  /** Unset: AWS S3. Set: an S3-compatible endpoint (MinIO, R2, a local fake). */
  endpoint?: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
}

/** What a stored object says about itself. */
interface Existing {
  size: number;
  /** Hex SHA-256 from our metadata or the store's checksum; undefined when neither is there. */
  sha256?: string;
}

/** The object metadata (`x-amz-meta-sha256`) every put writes, so any S3-compatible store can answer it on HEAD. */
const SHA256_METADATA = 'sha256';
const PROBE_TIMEOUT_MS = 2_500;
/** Error names the SDK gives transient trouble; 5xx and 429 are transient too. */
const TRANSIENT = new Set(['SlowDown', 'RequestTimeout', 'RequestTimeTooSkewed', 'InternalError', 'ServiceUnavailable', 'TimeoutError']);
const HINTS: Record<string, string> = {
  NoSuchBucket: 'the bucket does not exist (S3_BUCKET)',
  AccessDenied: 'access denied: check the key’s permissions on the bucket',
  Forbidden: 'access denied: check S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY and the key’s permissions',
  InvalidAccessKeyId: 'unknown access key (S3_ACCESS_KEY_ID)',
  SignatureDoesNotMatch: 'the secret does not match the access key (S3_SECRET_ACCESS_KEY)',
  PermanentRedirect: 'the bucket is in another region (S3_REGION) or needs another endpoint',
  AuthorizationHeaderMalformed: 'the bucket is in another region (S3_REGION)',
};

const STATUS_HINTS: Record<number, string> = {
  301: HINTS.PermanentRedirect,
  400: 'the store refused the request: check S3_REGION and S3_ENDPOINT',
  403: HINTS.Forbidden,
};

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest();

/**
 * The s3 driver, for any S3-compatible store through @aws-sdk/client-s3. Each
 * put is a conditional write (`If-None-Match: *`: the store refuses it with 412
 * when the key exists, so two writers cannot both win), carries
 * `x-amz-checksum-sha256` (the store verifies the bytes it received) and the
 * hex digest as metadata. A 412, or an object found by the HEAD that goes
 * first, is compared by SHA-256: the same bytes answer the stored file, other
 * bytes are refused. The HEAD also covers stores that ignore If-None-Match,
 * though only the conditional write closes the race between two writers.
 */
export class S3FileStorage implements FileStorage {
  readonly driver = 's3';
  readonly bucket: string;
  private readonly client: S3Client;

  constructor(options: S3FileStorageOptions) {
    this.bucket = options.bucket;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    });
  }

  async put(key: string, body: Buffer, contentType: string): Promise<StoredFile> {
    assertStorageKey(key);
    if (!Buffer.isBuffer(body)) throw new TypeError('FileStorage.put takes the bytes as a Buffer');
    const digest = sha256Of(body);
    const stored: StoredFile = { key, size: body.length, sha256: digest.toString('hex'), contentType };
    const existing = await this.head(key);
    if (existing) return this.sameOrRefuse(stored, existing);
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: body,
          ContentLength: body.length,
          ContentType: contentType,
          ChecksumSHA256: digest.toString('base64'),
          Metadata: { [SHA256_METADATA]: stored.sha256 },
          IfNoneMatch: '*',
        }),
      );
      return stored;
    } catch (err) {
      // 412: the key was written since the HEAD. 409: a conditional write to it is in flight.
      const status = statusOf(err);
      if (status !== 412 && status !== 409) throw this.failure('PutObject', key, err);
      const winner = await this.head(key);
      if (winner) return this.sameOrRefuse(stored, winner);
      throw new StorageUnavailableException(`S3 PutObject ${key}: another write to this key is in progress; try again`, true, {
        cause: err,
      });
    }
  }

  async get(key: string): Promise<Buffer | null> {
    assertStorageKey(key);
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!out.Body) return Buffer.alloc(0);
      const bytes = await out.Body.transformToByteArray();
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (err) {
      if (nameOf(err) === 'NoSuchKey') return null;
      throw this.failure('GetObject', key, err);
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (err) {
      // S3 answers 204 for a missing key; some compatible stores answer NoSuchKey.
      if (nameOf(err) === 'NoSuchKey') return;
      throw this.failure('DeleteObject', key, err);
    }
  }

  /** HeadBucket: the endpoint answers, the credentials are accepted and the bucket exists. Never throws. */
  async probe(): Promise<{ ok: boolean; detail?: string }> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }), { abortSignal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
      return { ok: true };
    } catch (err) {
      const detail = nameOf(err) === 'NotFound' ? `404: ${HINTS.NoSuchBucket}` : describe(err);
      return { ok: false, detail: `S3 HeadBucket ${this.bucket}: ${detail}` };
    }
  }

  /** The object under the key, or null. */
  private async head(key: string): Promise<Existing | null> {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key, ChecksumMode: 'ENABLED' }));
      return { size: out.ContentLength ?? 0, sha256: out.Metadata?.[SHA256_METADATA] ?? hexOfChecksum(out.ChecksumSHA256) };
    } catch (err) {
      // HEAD answers carry no body: a missing key is a bare 404. (A missing bucket too: PutObject then names it.)
      if (statusOf(err) === 404) return null;
      throw this.failure('HeadObject', key, err);
    }
  }

  /** Same bytes: the put already happened (idempotent). Other bytes: refused, the stored object stays. */
  private async sameOrRefuse(wanted: StoredFile, existing: Existing): Promise<StoredFile> {
    if (existing.size !== wanted.size) throw new StoredFileConflictException(wanted.key, existing.sha256);
    let sha256 = existing.sha256;
    if (!sha256) {
      // Written by something else, without our metadata or a checksum: compare the bytes themselves.
      const bytes = await this.get(wanted.key);
      if (!bytes) throw new StorageUnavailableException(`S3 ${wanted.key}: the object disappeared while being compared; try again`, true);
      sha256 = sha256Of(bytes).toString('hex');
    }
    if (sha256 !== wanted.sha256) throw new StoredFileConflictException(wanted.key, sha256);
    return wanted;
  }

  private failure(operation: string, key: string, err: unknown): StorageUnavailableException {
    const status = statusOf(err);
    const temporary = status === undefined || status >= 500 || status === 429 || TRANSIENT.has(nameOf(err) ?? '');
    return new StorageUnavailableException(`S3 ${operation} ${this.bucket}/${key}: ${describe(err)}`, temporary, { cause: err });
  }
}

function nameOf(err: unknown): string | undefined {
  return err instanceof Error ? err.name : undefined;
}

/** The HTTP status of an S3 answer; undefined when no answer came (network, timeout). */
function statusOf(err: unknown): number | undefined {
  return err instanceof S3ServiceException ? err.$metadata?.httpStatusCode : undefined;
}

/** One line for a person: status and S3 code with a hint, or the network error, never the endpoint's credentials. */
function describe(err: unknown): string {
  const status = statusOf(err);
  const name = nameOf(err) ?? 'Error';
  if (status !== undefined) {
    const message = err instanceof Error && err.message && err.message !== name && err.message !== 'UnknownError' ? `: ${err.message}` : '';
    // HEAD answers have no body, so the SDK knows only the status: hint by that.
    const known = HINTS[name] ?? STATUS_HINTS[status];
    const hint = known ? ` (${known})` : '';
    const code = name === 'Unknown' ? '' : ` ${name}`;
    return `${status}${code}${message}${hint}`.slice(0, 500);
  }
  const code = (err as { code?: string } | null)?.code;
  if (name === 'AbortError' || name === 'TimeoutError') return 'no answer in time (network or endpoint down)';
  return `cannot reach the store: ${code ?? name}${err instanceof Error && err.message ? ` ${err.message}` : ''}`.slice(0, 500);
}

/** `x-amz-checksum-sha256` (base64 of the digest) as hex; multipart checksums (`…-N`) are not a digest of the bytes. */
function hexOfChecksum(checksum: string | undefined): string | undefined {
  if (!checksum || checksum.includes('-')) return undefined;
  const digest = Buffer.from(checksum, 'base64');
  return digest.length === 32 ? digest.toString('hex') : undefined;
}
