import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { API_KEY_HEADER, BUSINESS_HEADER, IS_PUBLIC } from '../../../common/auth/auth.decorators';
import type { Actor } from '../../../common/auth/actor';
import { routeMetadata } from '../../../common/http/route-metadata';
import { isUuid } from '../../../common/validation/uuid';
import { ApiKeysService } from '../../api-keys/api-keys.service';
import { MembershipDirectory } from '../../business/membership-directory.service';
import { InvalidTokenException, NotAMemberException } from '../auth.exception';
import { TokenService, type AccessClaims } from '../token.service';

/**
 * Resolves the actor of every non-public request, once: a bearer JWT (user)
 * or an `x-api-key` (machine). The business is the token's, or the
 * `X-Business-Id` header's when the user is a member there.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly memberships: MembershipDirectory,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = routeMetadata<boolean>(this.reflector, IS_PUBLIC, context);
    if (isPublic) return true;
    const req = context.switchToHttp().getRequest<Request>();
    req.actor = await this.resolve(req);
    return true;
  }

  private async resolve(req: Request): Promise<Actor> {
    const apiKey = req.header(API_KEY_HEADER);
    if (apiKey) {
      const actor = await this.apiKeys.authenticate(apiKey);
      if (!actor) throw new InvalidTokenException('auth.invalid_api_key', 'The API key is invalid or was deleted');
      return actor;
    }
    const [scheme, token] = (req.header('authorization') ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token)
      throw new InvalidTokenException('auth.missing_credentials', 'Send a bearer token or an x-api-key');
    let claims: AccessClaims;
    try {
      claims = this.tokens.verifyAccess(token);
    } catch {
      throw new InvalidTokenException();
    }
    if (claims.typ !== 'access' || !isUuid(claims.sub) || !isUuid(claims.bid)) throw new InvalidTokenException();
    const requested = req.header(BUSINESS_HEADER);
    if (requested !== undefined && !isUuid(requested)) throw new NotAMemberException();
    const businessId = requested ?? claims.bid;
    const member = await this.memberships.findActiveActor(businessId, claims.sub);
    if (!member) {
      if (requested) throw new NotAMemberException();
      throw new InvalidTokenException('auth.membership_ended', 'Your access to this business has ended');
    }
    return {
      kind: 'user',
      id: member.userId,
      businessId,
      role: member.role,
      name: member.name,
      email: member.email,
      isPlatformAdmin: member.isPlatformAdmin,
      emailVerified: member.emailVerified,
    };
  }
}
