/** A stored file as the store knows it. */
export interface StoredFile {
  /** Where it lives in the store: `<businessId>/<area>/<name>`, no leading slash, no `..`. */
  key: string;
  size: number;
  /** Hex SHA-256 of the bytes, computed while storing. */
  sha256: string;
  contentType: string;
}

/**
 * The file storage port: drivers (`local` under DATA_DIR/files, `s3` for any
 * S3-compatible store) implement it; callers inject FILE_STORAGE. Keys are
 * chosen by the caller and written once: `put` on an existing key with other
 * bytes is refused (documents are never overwritten).
 *
 * Every driver fails the same way (file-storage.exception.ts): a key outside
 * the rules (storage-key.ts) is InvalidStorageKeyException (400), other bytes
 * under a stored key StoredFileConflictException (409), a store that cannot be
 * reached or refuses the request StorageUnavailableException (503).
 */
export interface FileStorage {
  readonly driver: string;
  put(key: string, body: Buffer, contentType: string): Promise<StoredFile>;
  /** The bytes, or null when there is no such key. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
  probe(): Promise<{ ok: boolean; detail?: string }>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');
