import { RequestMethod, type INestApplication, type NestInterceptor } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { ActivityInterceptor } from './activity.interceptor';

const MUTATING = new Set([RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE]);

/**
 * Puts the activity interceptor on every mutating route (outermost of the
 * route's own interceptors), and on no read: a route without interceptors
 * skips Nest's per-request RxJS chain, which reads are most of. Runs once at
 * boot, before the routes are registered; a later app in the same process
 * replaces the instance an earlier one put there.
 */
export function bindActivityRecording(app: INestApplication): void {
  const interceptor = app.get(ActivityInterceptor);
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const prototype = (wrapper.metatype as { prototype?: object } | null)?.prototype;
      if (!prototype) continue;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        if (!MUTATING.has(Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod)) continue;
        const own = ((Reflect.getMetadata(INTERCEPTORS_METADATA, handler) as unknown[] | undefined) ?? []).filter(
          (i) => !(i instanceof ActivityInterceptor),
        );
        Reflect.defineMetadata(INTERCEPTORS_METADATA, [interceptor satisfies NestInterceptor, ...own], handler);
      }
    }
  }
}
