import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import type { Request } from 'express';
import { AppException } from '../problem/app.exception';
import { routeMetadata } from './route-metadata';

const JSON_ONLY = ['application/json'];

/** Whether a Content-Type header names one of `accepted` (`application/json` also takes `application/*+json`). */
export function isAcceptedMediaType(header: string, accepted: readonly string[]): boolean {
  const essence = header.split(';')[0].trim().toLowerCase();
  return accepted.includes(essence) || (accepted.includes('application/json') && /^application\/[\w.-]+\+json$/.test(essence));
}

/** A request carries a body when it says so (Content-Length above zero, or chunked). */
function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/**
 * A body in a media type the route does not take is refused with 415 rather
 * than silently ignored (a text/plain PUT would otherwise apply nothing and
 * answer 200). A route takes JSON unless it documents other types with
 * `@ApiConsumes()`, so the OpenAPI document and the check cannot disagree.
 * A guard rather than an interceptor, registered after the auth guards: it
 * answers after authentication as before, and a route without interceptors
 * skips Nest's per-request RxJS chain.
 */
@Injectable()
export class MediaTypeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (hasBody(req)) {
      const accepted = routeMetadata<string[]>(this.reflector, DECORATORS.API_CONSUMES, context) ?? JSON_ONLY;
      const type = req.headers['content-type'];
      if (!type || !isAcceptedMediaType(type, accepted)) {
        throw new AppException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          'unsupported_media_type',
          `${type ? `Content-Type ${type.split(';')[0]} is` : 'A body without a Content-Type is'} not accepted here; send ${accepted.join(' or ')}`,
          undefined,
          { [req.method === 'PATCH' ? 'Accept-Patch' : 'Accept-Post']: accepted.join(', ') },
        );
      }
    }
    return true;
  }
}
