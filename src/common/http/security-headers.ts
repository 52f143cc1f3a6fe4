import type { NextFunction, Request, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Helmet's headers, worked out once. Without a Content-Security-Policy (the
 * API's answers are JSON; the dashboard sets its own), none of helmet's
 * headers depends on the request, so helmet runs once at boot against a
 * recorder and every response gets what it recorded from one middleware,
 * instead of helmet's dozen nested middleware calls per request.
 */
export function securityHeaders(options: HelmetOptions & { contentSecurityPolicy: false }) {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: unknown) => void set.push([name, String(value)]),
    removeHeader: (name: string) => void removed.push(name),
  };
  let finished = false;
  helmet(options)({} as Request, recorder as unknown as Response, (err?: unknown) => {
    if (err) throw err;
    finished = true;
  });
  if (!finished) throw new Error('helmet did not finish at once: its headers cannot be worked out in advance');
  return function securityHeadersMiddleware(_req: Request, res: Response, next: NextFunction): void {
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
    next();
  };
}
