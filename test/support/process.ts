import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const MAIN_JS = join(__dirname, '../../src/main.js');

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

export interface RunningApp {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts the built app (`dist/src/main.js`) as a real process with only the given environment. */
export function startBuiltApp(env: Record<string, string>): RunningApp {
  let output = '';
  const child = spawn(process.execPath, [MAIN_JS], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  return { child, output: () => output, exited };
}

/** Polls a URL until it answers `status`, or fails with the app's output. */
export async function waitForStatus(url: string, status: number, app: RunningApp, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const got = await fetch(url)
      .then((r) => r.status)
      .catch(() => 0);
    if (got === status) return;
    if (app.child.exitCode !== null) throw new Error(`App exited (${app.child.exitCode}):\n${app.output()}`);
    if (Date.now() > deadline) throw new Error(`${url} did not answer ${status} in time:\n${app.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Runs a built script (`dist/scripts/<name>.js`) to its end with only the given
 * environment, in `cwd` (so no `.env` of the checkout is read). Killed after
 * `timeoutMs`, so a hung script cannot outlive its test.
 */
export function runBuiltScript(
  name: string,
  env: Record<string, string>,
  options: { cwd: string; timeoutMs?: number },
): Promise<{ code: number | null; output: string }> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(process.execPath, [join(__dirname, `../../scripts/${name}.js`)], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      output += `\n[killed after ${timeoutMs} ms]`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
