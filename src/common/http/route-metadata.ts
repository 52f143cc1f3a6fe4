import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- keyed by the route handler Nest gives
const read = new WeakMap<Function, Map<string, unknown>>();

/**
 * A decorator's value on the route (the handler's, else its controller's),
 * read from reflect-metadata on the route's first request and from a map on
 * every later one: decorators do not change after boot.
 */
export function routeMetadata<T>(reflector: Reflector, key: string, context: ExecutionContext): T | undefined {
  const handler = context.getHandler();
  let values = read.get(handler);
  if (!values) read.set(handler, (values = new Map()));
  if (!values.has(key)) values.set(key, reflector.getAllAndOverride<T>(key, [handler, context.getClass()]));
  return values.get(key) as T | undefined;
}
