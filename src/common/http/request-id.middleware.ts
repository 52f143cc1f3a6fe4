import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { clientIp } from './client-ip';
import { RequestContext } from './request-context';

export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTABLE = /^[\w.:-]{1,128}$/;

/** Accepts a caller's X-Request-Id (when sane) or makes one, and returns it. */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const given = req.header(REQUEST_ID_HEADER);
  const requestId = given && ACCEPTABLE.test(given) ? given : randomUUID();
  req.id = requestId;
  res.setHeader('X-Request-Id', requestId);
  RequestContext.run({ requestId, ip: () => clientIp(req) }, next);
}

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
  }
}
