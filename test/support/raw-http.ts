import { Agent, request, type IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export interface RawRequest {
  method: string;
  /** Path and query exactly as they go on the wire. */
  target: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

/**
 * Byte-exact HTTP/1.1 requests to a listening server: the body, path and
 * Content-Type (or its absence) are sent as given, nothing is re-encoded.
 */
export class RawHttp {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 16 });

  constructor(private readonly port: number) {}

  /**
   * Sends one request. A kept-alive socket the server closed as it was being
   * reused (its idle timeout) fails with ECONNRESET before the request was
   * read: that attempt is made again on a new socket, as Node's documentation
   * of `request.reusedSocket` advises; any other failure is the answer.
   */
  async send(req: RawRequest, timeoutMs = 20_000): Promise<RawResponse> {
    try {
      return await this.attempt(req, timeoutMs);
    } catch (err) {
      if ((err as { reusedSocket?: boolean }).reusedSocket && (err as NodeJS.ErrnoException).code === 'ECONNRESET')
        return this.attempt(req, timeoutMs);
      throw err;
    }
  }

  private attempt(req: RawRequest, timeoutMs: number): Promise<RawResponse> {
    const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body, 'utf8');
    const headers = { ...req.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
    return new Promise((resolve, reject) => {
      const r = request({ host: '127.0.0.1', port: this.port, method: req.method, path: req.target, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      r.setTimeout(timeoutMs, () => r.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      r.on('error', (err) => reject(Object.assign(err, { reusedSocket: r.reusedSocket })));
      r.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
