import { createHash, randomUUID } from 'node:crypto';
import { link, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { InvalidStorageKeyException, StoredFileConflictException, StorageUnavailableException } from './file-storage.exception';
import type { FileStorage, StoredFile } from './file-storage.port';
import { assertStorageKey } from './storage-key';

/** Temporary files are written here, inside the root, so the final link is on the same filesystem. */
const TMP = '.tmp';

const errno = (err: unknown): string | undefined => (err as NodeJS.ErrnoException | null)?.code;

const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The local driver: each key is a file under STORAGE_DIR (default
 * DATA_DIR/files), `<businessId>/<area>/<name>` as folders. A file is written
 * to `.tmp/` and fsynced, then hard-linked to its name: the link appears whole
 * or not at all, and it fails when the name exists, so two writers racing for
 * one key cannot both win (write-once without a lock). Needs no account and
 * nothing running; back the folder up with the database.
 */
export class LocalFileStorage implements FileStorage {
  readonly driver = 'local';
  readonly root: string;
  /** The temporary folder was made (or found) by this process. */
  private tmpReady = false;

  constructor(dir: string) {
    this.root = resolve(dir);
  }

  async put(key: string, body: Buffer, contentType: string): Promise<StoredFile> {
    const path = this.pathOf(key);
    if (!Buffer.isBuffer(body)) throw new TypeError('FileStorage.put takes the bytes as a Buffer');
    const stored: StoredFile = { key, size: body.length, sha256: sha256Hex(body), contentType };
    let tmp: string | undefined;
    try {
      // The file is written and fsynced while the key's folder is made: neither waits for the other.
      // A stored key is found by the link below (it fails on an existing name), not by a look beforehand.
      const [written, folder] = await Promise.allSettled([this.writeTemp(body), this.mkdirFor(key, path)]);
      if (written.status === 'fulfilled') tmp = written.value;
      else throw written.reason;
      if (folder.status === 'rejected') throw folder.reason;
      try {
        await link(tmp, path);
      } catch (err) {
        const code = errno(err);
        if (code === 'EEXIST') {
          const winner = await this.readExisting(key, path);
          if (winner) return this.sameOrRefuse(stored, winner);
          throw new InvalidStorageKeyException(key, 'the local store holds a folder of other keys under this name');
        }
        // Filesystems without hard links (some network shares): rename, which replaces a file
        // that appeared since the check just below; the check keeps that window small.
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw err;
        const late = await this.readExisting(key, path);
        if (late) return this.sameOrRefuse(stored, late);
        await rename(tmp, path);
      }
      const linked = tmp;
      tmp = undefined;
      await Promise.all([this.syncDir(dirname(path)), unlink(linked).catch(() => undefined)]);
      return stored;
    } catch (err) {
      throw this.failure('put', key, err);
    } finally {
      if (tmp) await unlink(tmp).catch(() => undefined);
    }
  }

  async get(key: string): Promise<Buffer | null> {
    const path = this.pathOf(key);
    try {
      return await readFile(path);
    } catch (err) {
      if (isAbsent(err)) return null;
      throw this.failure('get', key, err);
    }
  }

  async delete(key: string): Promise<void> {
    const path = this.pathOf(key);
    try {
      await unlink(path);
    } catch (err) {
      if (isAbsent(err)) return;
      throw this.failure('delete', key, err);
    }
  }

  /** The folder exists (or can be made) and a file can be written and removed in it. */
  async probe(): Promise<{ ok: boolean; detail?: string }> {
    try {
      const tmp = await this.writeTemp(Buffer.from('probe'));
      await unlink(tmp);
      return { ok: true };
    } catch (err) {
      return { ok: false, detail: `${this.root} is not writable: ${(err as Error).message}` };
    }
  }

  /** The file a key names; the key rules keep it inside the root, and this checks again. */
  private pathOf(key: string): string {
    assertStorageKey(key);
    const path = join(this.root, ...key.split('/'));
    if (!path.startsWith(this.root + sep)) throw new InvalidStorageKeyException(key, 'resolves outside the store');
    return path;
  }

  private async readExisting(key: string, path: string): Promise<StoredFile | null> {
    try {
      const bytes = await readFile(path);
      return { key, size: bytes.length, sha256: sha256Hex(bytes), contentType: '' };
    } catch (err) {
      if (isAbsent(err)) return null;
      throw this.failure('put', key, err);
    }
  }

  /** Same bytes: the put already happened (idempotent). Other bytes: refused, the stored file stays. */
  private sameOrRefuse(wanted: StoredFile, existing: StoredFile): StoredFile {
    if (existing.sha256 === wanted.sha256 && existing.size === wanted.size) return wanted;
    throw new StoredFileConflictException(wanted.key, existing.sha256);
  }

  private async writeTemp(body: Buffer): Promise<string> {
    const dir = join(this.root, TMP);
    const tmp = join(dir, `${randomUUID()}.part`);
    // The folder is made once per process, and again if it went away since.
    if (!this.tmpReady) await mkdir(dir, { recursive: true });
    const handle = await open(tmp, 'wx', 0o640).catch(async (err: unknown) => {
      if (errno(err) !== 'ENOENT' || !this.tmpReady) throw err;
      await mkdir(dir, { recursive: true });
      return open(tmp, 'wx', 0o640);
    });
    this.tmpReady = true;
    try {
      await handle.writeFile(body);
      await handle.sync();
    } catch (err) {
      await handle.close().catch(() => undefined);
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
    await handle.close();
    return tmp;
  }

  private async mkdirFor(key: string, path: string): Promise<void> {
    try {
      await mkdir(dirname(path), { recursive: true });
    } catch (err) {
      const code = errno(err);
      if (code === 'ENOTDIR' || code === 'EEXIST')
        throw new InvalidStorageKeyException(key, 'a folder of this key is itself a stored file in the local store');
      throw err;
    }
  }

  /** Makes the new name durable; not every platform lets a folder be fsynced, and that is fine. */
  private async syncDir(dir: string): Promise<void> {
    const handle = await open(dir, 'r').catch(() => null);
    if (!handle) return;
    await handle.sync().catch(() => undefined);
    await handle.close().catch(() => undefined);
  }

  private failure(operation: string, key: string, err: unknown): Error {
    if (err instanceof InvalidStorageKeyException || err instanceof StoredFileConflictException) return err;
    if (err instanceof StorageUnavailableException) return err;
    const code = errno(err);
    const temporary = code === 'ENOSPC' || code === 'EMFILE' || code === 'ENFILE' || code === 'EAGAIN' || code === 'EBUSY';
    return new StorageUnavailableException(`Local file storage: ${operation} ${key} failed: ${(err as Error).message}`, temporary, {
      cause: err,
    });
  }
}

/** No file by that name: missing, a folder in its path is a file, or the name is a folder of other keys. */
function isAbsent(err: unknown): boolean {
  const code = errno(err);
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
