import type { IncomingMessage } from 'node:http';

/**
 * Keeps the bytes of a parsed body as `req.rawBody` (the body parsers'
 * `verify` hook, as Nest's `rawBody: true` does): signed webhooks are
 * verified over exactly what was sent, not over a re-serialisation.
 */
export function keepRawBody(req: IncomingMessage, _res: unknown, buf: Buffer): void {
  (req as IncomingMessage & { rawBody?: Buffer }).rawBody = buf;
}

declare module 'express-serve-static-core' {
  interface Request {
    /** The body as received, when a body parser read one. */
    rawBody?: Buffer;
  }
}
