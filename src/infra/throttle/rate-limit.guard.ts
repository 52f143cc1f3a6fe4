import { ExecutionContext, Injectable } from '@nestjs/common';
import {
  ThrottlerGuard,
  type ThrottlerGenerateKeyFunction,
  type ThrottlerGetTrackerFunction,
  type ThrottlerOptions,
} from '@nestjs/throttler';
import {
  THROTTLER_BLOCK_DURATION,
  THROTTLER_KEY_GENERATOR,
  THROTTLER_LIMIT,
  THROTTLER_SKIP,
  THROTTLER_TRACKER,
  THROTTLER_TTL,
} from '@nestjs/throttler/dist/throttler.constants';
import type { Request, Response } from 'express';

/** What one named throttler does on one route, resolved once from its decorators. */
interface RouteLimit {
  name: string;
  limit: number;
  ttl: number;
  blockDuration: number;
  /** The key's route part; the caller's address completes it. */
  keyPrefix: string;
  headerSuffix: string;
}

/**
 * @nestjs/throttler's guard with the same decorators, storage and headers,
 * but with each route's limits read from its metadata once (the stock guard
 * makes six reflector lookups and several awaits per request) and a plain
 * `route-throttler-address` key instead of a SHA-256 per request. Routes whose
 * limits are functions of the request, or that set their own tracker or key,
 * take the stock path.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- keyed by the handler Nest gives
  private readonly routes = new Map<Function, RouteLimit[] | null>();

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const handler = context.getHandler();
    let limits = this.routes.get(handler);
    if (limits === undefined) {
      limits = this.resolve(context);
      this.routes.set(handler, limits);
    }
    if (limits === null) return super.canActivate(context);
    if (limits.length === 0) return true;
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const found = this.trackerOf(req);
    const tracker = typeof found === 'string' ? found : await found;
    for (const route of limits) {
      const key = `${route.keyPrefix}-${tracker}`;
      const hit = await this.storageService.increment(key, route.ttl, route.limit, route.blockDuration, route.name);
      if (hit.isBlocked) {
        res.setHeader(`Retry-After${route.headerSuffix}`, hit.timeToBlockExpire);
        await this.throwThrottlingException(context, { limit: route.limit, ttl: route.ttl, key, tracker, ...hit });
      }
      res.setHeader(`${this.headerPrefix}-Limit${route.headerSuffix}`, route.limit);
      res.setHeader(`${this.headerPrefix}-Remaining${route.headerSuffix}`, Math.max(0, route.limit - hit.totalHits));
      res.setHeader(`${this.headerPrefix}-Reset${route.headerSuffix}`, hit.timeToExpire);
    }
    return true;
  }

  /** IPv4 (also IPv4-mapped IPv6) as is; other addresses by the stock rule (IPv6 by /64 subnet). */
  private trackerOf(req: Request): Promise<string> | string {
    const ip = req.ip ?? '';
    if (!ip.includes(':')) return ip;
    if (ip.startsWith('::ffff:') && ip.includes('.')) return ip.slice(7);
    return this.getTracker(req);
  }

  /** The route's limits, or null when any of them must be computed per request. */
  private resolve(context: ExecutionContext): RouteLimit[] | null {
    const targets = [context.getHandler(), context.getClass()];
    // Module-wide request-dependent options apply to every route: the stock path.
    const module: Partial<ThrottlerOptions> = Array.isArray(this.options) ? {} : this.options;
    if (module.skipIf || module.ignoreUserAgents || module.getTracker || module.generateKey || module.setHeaders === false) return null;
    const limits: RouteLimit[] = [];
    for (const throttler of this.throttlers) {
      const name = throttler.name ?? 'default';
      if (this.reflector.getAllAndOverride<boolean>(THROTTLER_SKIP + name, targets)) continue;
      if (throttler.skipIf || throttler.ignoreUserAgents || throttler.setHeaders === false) return null;
      if (throttler.getTracker || throttler.generateKey) return null;
      if (this.reflector.getAllAndOverride<ThrottlerGetTrackerFunction>(THROTTLER_TRACKER + name, targets)) return null;
      if (this.reflector.getAllAndOverride<ThrottlerGenerateKeyFunction>(THROTTLER_KEY_GENERATOR + name, targets)) return null;
      const limit = this.reflector.getAllAndOverride<unknown>(THROTTLER_LIMIT + name, targets) ?? throttler.limit;
      const ttl = this.reflector.getAllAndOverride<unknown>(THROTTLER_TTL + name, targets) ?? throttler.ttl;
      const block = this.reflector.getAllAndOverride<unknown>(THROTTLER_BLOCK_DURATION + name, targets) ?? throttler.blockDuration ?? ttl;
      if (typeof limit !== 'number' || typeof ttl !== 'number' || typeof block !== 'number') return null;
      limits.push({
        name,
        limit,
        ttl,
        blockDuration: block,
        keyPrefix: `${context.getClass().name}-${context.getHandler().name}-${name}`,
        headerSuffix: name === 'default' ? '' : `-${name}`,
      });
    }
    return limits;
  }
}
