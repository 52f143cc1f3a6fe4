import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContextData {
  requestId: string;
  /** The caller's address, for HTTP requests: resolved when first asked (few requests need it). */
  ip?: () => string;
}

const storage = new AsyncLocalStorage<RequestContextData>();

/** The request id of the work in progress, readable from any log line. */
export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  requestId(): string | undefined {
    return storage.getStore()?.requestId;
  },
  ip(): string | undefined {
    return storage.getStore()?.ip?.();
  },
};
