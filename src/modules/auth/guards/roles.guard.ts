import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { PLATFORM_ADMIN_KEY, ROLES_KEY } from '../../../common/auth/auth.decorators';
import type { Role } from '../../../common/auth/role';

/** Enforces `@Roles(...)` and `@PlatformAdmin()` after the AuthGuard resolved the actor. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const adminOnly = this.reflector.getAllAndOverride<boolean | undefined>(PLATFORM_ADMIN_KEY, targets);
    const actor = context.switchToHttp().getRequest<Request>().actor;
    if (adminOnly && !(actor?.kind === 'user' && actor.isPlatformAdmin)) throw new ForbiddenException('Platform administrators only');
    if (roles?.length && (!actor || !roles.includes(actor.role))) {
      throw new ForbiddenException(`This action needs one of the roles: ${roles.join(', ')}`);
    }
    return true;
  }
}
