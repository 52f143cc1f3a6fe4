import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { PLATFORM_ADMIN_KEY, ROLES_KEY } from '../../../common/auth/auth.decorators';
import type { Role } from '../../../common/auth/role';
import { routeMetadata } from '../../../common/http/route-metadata';

/** Enforces `@Roles(...)` and `@PlatformAdmin()` after the AuthGuard resolved the actor. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const roles = routeMetadata<Role[]>(this.reflector, ROLES_KEY, context);
    const adminOnly = routeMetadata<boolean>(this.reflector, PLATFORM_ADMIN_KEY, context);
    const actor = context.switchToHttp().getRequest<Request>().actor;
    if (adminOnly && !(actor?.kind === 'user' && actor.isPlatformAdmin)) throw new ForbiddenException('Platform administrators only');
    if (roles?.length && (!actor || !roles.includes(actor.role))) {
      throw new ForbiddenException(`This action needs one of the roles: ${roles.join(', ')}`);
    }
    return true;
  }
}
