import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { ProblemDetails } from '../problem/problem-details';
import type { Actor } from './actor';
import type { Role } from './role';

export const IS_PUBLIC = 'auth:public';
export const ROLES_KEY = 'auth:roles';
export const PLATFORM_ADMIN_KEY = 'auth:platform-admin';
export const API_KEY_HEADER = 'x-api-key';
export const BUSINESS_HEADER = 'x-business-id';

/** No credentials needed (login, public booking, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles of the current business may call the route. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiForbiddenResponse({ description: `Requires role: ${roles.join(', ')}`, type: ProblemDetails }),
  );

/** Only platform administrators (a user flag, not a business role). */
export const PlatformAdmin = () =>
  applyDecorators(
    SetMetadata(PLATFORM_ADMIN_KEY, true),
    ApiForbiddenResponse({ description: 'Platform administrators only', type: ProblemDetails }),
  );

/** Swagger: the route takes a bearer token or an API key. */
export const ApiAuth = () =>
  applyDecorators(
    ApiBearerAuth(),
    ApiSecurity('api-key'),
    ApiUnauthorizedResponse({ description: 'Missing or invalid credentials', type: ProblemDetails }),
  );

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<Request>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});

/** The id of the business the request acts for. */
export const CurrentBusiness = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const actor = ctx.switchToHttp().getRequest<Request>().actor;
  if (!actor) throw new Error('CurrentBusiness used on a route without authentication');
  return actor.businessId;
});
