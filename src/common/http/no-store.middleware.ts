import type { NextFunction, Request, Response } from 'express';

/**
 * API answers hold one business's private data, fresh on every call: no
 * cache keeps them (`no-store`), and the API serves no conditional requests
 * (the app makes no ETags, and a request's validators are dropped: Express
 * would answer `If-None-Match: *` with a 304 the OpenAPI document does not list).
 */
export function noStoreMiddleware(req: Request, res: Response, next: NextFunction): void {
  delete req.headers['if-none-match'];
  delete req.headers['if-modified-since'];
  res.setHeader('Cache-Control', 'no-store');
  next();
}
