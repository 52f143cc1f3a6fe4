import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { concatMap, Observable } from 'rxjs';
import { clientIp } from '../../common/http/client-ip';
import { IDEMPOTENT_REPLAYED_HEADER } from '../idempotency/idempotency.http';
import { ACTIVITY_KEY, ActivityMeta } from './activity.decorator';
import { ActivityService } from './activity.service';

function entityIdOf(body: unknown, req: Request): string | null {
  const id = (body as { id?: unknown } | undefined)?.id;
  if (typeof id === 'string') return id;
  const param = req.params?.id;
  return typeof param === 'string' ? param : null;
}

/**
 * Bound to every mutating route at boot (activity-routes.ts). Records every successful mutating request made by an authenticated actor,
 * before the answer leaves, unless its route's change is recorded from domain
 * events (emitted only when something changed) or the answer is a replay.
 */
@Injectable()
export class ActivityInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly activity: ActivityService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(
      concatMap(async (body) => {
        const actor = req.actor;
        // A replayed answer (same Idempotency-Key) describes an effect that was already recorded.
        if (!actor || context.switchToHttp().getResponse<Response>().getHeader(IDEMPOTENT_REPLAYED_HEADER) === 'true') return body;
        const meta =
          this.reflector.get<ActivityMeta | undefined>(ACTIVITY_KEY, context.getHandler()) ??
          ({
            action: `${req.method.toLowerCase()} ${req.route?.path ?? req.path}`,
            entityType: String(req.route?.path ?? req.path).split('/')[2] ?? 'unknown',
          } satisfies ActivityMeta);
        if (meta.recordedByEvents) return body;
        const entityId = entityIdOf(body, req);
        await this.activity.recordQuietly({
          businessId: actor.businessId,
          actorType: actor.kind,
          actorId: actor.id,
          actorName: actor.name,
          action: meta.action,
          entityType: meta.entityType,
          entityId,
          customerId: meta.entityType === 'customer' ? entityId : null,
          summary: `${actor.name}: ${meta.action}${entityId ? ` ${meta.entityType} ${entityId}` : ''}`,
          ip: clientIp(req),
          requestId: req.id ?? null,
        });
        return body;
      }),
    );
  }
}
