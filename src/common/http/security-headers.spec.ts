import assert from 'node:assert/strict';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import helmet from 'helmet';
import { securityHeaders } from './security-headers';

/** The headers a server answers with, but for the date. */
async function headersOf(handler: RequestListener): Promise<Record<string, string>> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/x`, {
      headers: { origin: 'https://evil.example' },
    });
    const headers = Object.fromEntries(res.headers);
    delete headers.date;
    return headers;
  } finally {
    server.close();
  }
}

const answer =
  (middleware: (req: never, res: never, next: () => void) => void): RequestListener =>
  (req, res) => {
    res.setHeader('X-Powered-By', 'Express');
    middleware(req as never, res as never, () => res.end('{}'));
  };

describe('securityHeaders', () => {
  it('sets exactly what helmet sets, on every response', async () => {
    const options = { contentSecurityPolicy: false as const };
    const expected = await headersOf(answer(helmet(options)));
    const middleware = securityHeaders(options);
    assert.deepEqual(await headersOf(answer(middleware)), expected);
    assert.deepEqual(await headersOf(answer(middleware)), expected, 'the second response too');
    assert.equal(expected['x-powered-by'], undefined, 'helmet removes X-Powered-By');
    assert.equal(expected['x-frame-options'], 'SAMEORIGIN');
    assert.match(expected['strict-transport-security'], /max-age=/);
  });

  it('follows the options given', async () => {
    const options = { contentSecurityPolicy: false as const, frameguard: { action: 'deny' as const }, hsts: false };
    const headers = await headersOf(answer(securityHeaders(options)));
    assert.deepEqual(headers, await headersOf(answer(helmet(options))));
    assert.equal(headers['x-frame-options'], 'DENY');
    assert.equal(headers['strict-transport-security'], undefined);
  });
});
