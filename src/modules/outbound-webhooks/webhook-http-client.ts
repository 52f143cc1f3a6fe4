import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

/** What one POST to an endpoint came to. */
export interface WebhookResponse {
  /** A 2xx answer. */
  ok: boolean;
  statusCode: number | null;
  /** Why it failed (a non-2xx, a redirect, a timeout, a refused address); null on success. */
  error: string | null;
  /** The start of the answer's body (for the delivery log). */
  snippet: string | null;
  durationMs: number;
}

export const SNIPPET_BYTES = 1024;
/** An answer's body is read (for keep-alive) up to this size, then the connection is dropped. */
const MAX_DRAIN_BYTES = 256 * 1024;

/**
 * POSTs webhook bodies with Node's http(s) client rather than `fetch`, because
 * it takes a `lookup` per request: the SSRF guard resolves and checks the host
 * inside the connection itself (see WebhookUrlGuard). Redirects are never
 * followed (a 3xx is a failure), the whole exchange has a deadline, and the
 * connections are kept alive per host.
 */
export class WebhookHttpClient {
  private readonly http = new HttpAgent({ keepAlive: true, maxSockets: 64 });
  private readonly https = new HttpsAgent({ keepAlive: true, maxSockets: 64 });

  constructor(
    private readonly lookup: LookupFunction,
    private readonly timeoutMs: number,
  ) {}

  post(url: URL, body: string, headers: Record<string, string>): Promise<WebhookResponse> {
    const started = performance.now();
    const done = (r: Omit<WebhookResponse, 'durationMs'>): WebhookResponse => ({
      ...r,
      durationMs: Math.round(performance.now() - started),
    });
    return new Promise<WebhookResponse>((resolve) => {
      const secure = url.protocol === 'https:';
      const req = (secure ? httpsRequest : httpRequest)(url, {
        method: 'POST',
        agent: secure ? this.https : this.http,
        lookup: this.lookup,
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
      });
      const timer = setTimeout(() => req.destroy(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
      req.on('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        resolve(
          done({
            ok: false,
            statusCode: null,
            error: err.code && !err.message.includes(err.code) ? `${err.code}: ${err.message}` : err.message,
            snippet: null,
          }),
        );
      });
      req.on('response', (res: IncomingMessage) => {
        const status = res.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let kept = 0;
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (kept < SNIPPET_BYTES) {
            chunks.push(chunk.subarray(0, SNIPPET_BYTES - kept));
            kept += Math.min(chunk.length, SNIPPET_BYTES - kept);
          }
          if (read > MAX_DRAIN_BYTES) res.destroy();
        });
        const finish = () => {
          clearTimeout(timer);
          const snippet = chunks.length
            ? Buffer.concat(chunks)
                .toString('utf8')
                .replace(/\uFFFD+$/, '')
            : null;
          const ok = status >= 200 && status < 300;
          const error = ok
            ? null
            : status >= 300 && status < 400
              ? `HTTP ${status}: redirects are not followed${res.headers.location ? ` (to ${res.headers.location.slice(0, 200)})` : ''}`
              : `HTTP ${status}`;
          resolve(done({ ok, statusCode: status, error, snippet }));
        };
        res.on('end', finish);
        res.on('close', finish);
        res.on('error', () => undefined);
      });
      req.end(body);
    });
  }

  close(): void {
    this.http.destroy();
    this.https.destroy();
  }
}
