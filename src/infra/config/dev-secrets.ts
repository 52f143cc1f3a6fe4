import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Outside production a missing secret (JWT_SECRET, ENCRYPTION_KEY) is generated
 * once and kept in DATA_DIR under `file`, so it survives restarts; the warning
 * tells the operator. `bytes` of randomness, base64url.
 */
export function resolveDevSecret(dataDir: string, variable: string, file: string, bytes: number): string {
  const path = join(dataDir, file);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(bytes).toString('base64url');
  writeFileSync(path, secret, { mode: 0o600 });
  process.emitWarning(`${variable} is not set: generated one and stored it in ${path}`, 'ConfigWarning');
  return secret;
}
