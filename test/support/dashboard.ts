import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The repository (tests run from dist/test/support). */
const ROOT = join(__dirname, '../../..');
/** Where `npm run build:web` puts the dashboard and the app serves it from. */
export const DASHBOARD_BUILD = join(ROOT, 'dist/dashboard');
const GENERATED = join(ROOT, 'web/src/api/schema.d.ts');

function newest(path: string): number {
  if (path === GENERATED) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds the dashboard (`npm run build:web`) when its build is missing or older
 * than web/ or openapi.json, so a filtered `npm test` after editing web/ tests
 * the edit. A lock folder keeps two test files from building at once.
 */
export function ensureDashboardBuilt(): void {
  const lock = join(ROOT, 'dist/.dashboard-build.lock');
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 300_000) rmdirSync(lock);
      if (Date.now() > deadline) throw new Error(`${lock} is held: another test is building the dashboard`);
      sleep(250);
    }
  }
  try {
    const index = join(DASHBOARD_BUILD, 'index.html');
    const builtAt = existsSync(index) ? statSync(index).mtimeMs : 0;
    if (builtAt >= Math.max(newest(join(ROOT, 'web')), newest(join(ROOT, 'openapi.json')))) return;
    execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  } finally {
    rmdirSync(lock);
  }
}

/** Debian's Chromium (`apt-get install chromium`; `.ci/run` installs it): the `chromium` on the PATH. */
export function chromiumPath(): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'chromium');
    if (dir && existsSync(candidate)) return candidate;
  }
  throw new Error('No chromium on the PATH: apt-get install -y --no-install-recommends chromium');
}
