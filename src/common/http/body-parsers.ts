import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { keepRawBody } from './raw-body';

/**
 * JSON (also `application/*+json`) and form bodies up to `limit`, keeping the
 * raw bytes for webhook signatures. One middleware: a request that announces
 * no body (neither Content-Length nor Transfer-Encoding, as most reads) skips
 * both parsers, which would each find that out for themselves.
 */
export function parseBodies(limit: string): RequestHandler {
  const json = express.json({ limit, type: ['application/json', 'application/*+json'], verify: keepRawBody });
  const form = express.urlencoded({ extended: false, limit, verify: keepRawBody });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return next();
    void json(req, res, (err?: unknown) => (err ? next(err) : void form(req, res, next)));
  };
}
