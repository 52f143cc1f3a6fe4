import type { LoggerService } from '@nestjs/common';
import { RequestContext } from '../../src/common/http/request-context';

/**
 * A Nest logger that keeps error lines instead of printing them, filed under
 * the request id of the request that was running (X-Request-Id), so a 5xx can
 * be shown with the exception the server logged for it.
 */
export class ServerErrorLog implements LoggerService {
  private readonly byRequest = new Map<string, string[]>();
  /** Errors logged outside any request (workers, startup). */
  readonly unattributed: string[] = [];

  error(message: unknown, ...rest: unknown[]): void {
    const text = [message, ...rest]
      .map((x) => (x instanceof Error ? (x.stack ?? x.message) : typeof x === 'string' ? x : JSON.stringify(x)))
      .filter(Boolean)
      .join('\n');
    const id = RequestContext.requestId();
    if (!id) {
      this.unattributed.push(text);
      return;
    }
    this.byRequest.set(id, [...(this.byRequest.get(id) ?? []), text]);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.error(message, ...rest);
  }

  log(): void {}
  warn(): void {}
  debug(): void {}
  verbose(): void {}

  /** What the server logged as errors while handling `requestId`. */
  forRequest(requestId: string): string[] {
    return this.byRequest.get(requestId) ?? [];
  }
}
