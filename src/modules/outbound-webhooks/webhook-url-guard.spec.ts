import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { WebhookHttpClient } from './webhook-http-client';
import { blockedRange, type Resolver, WebhookUrlGuard } from './webhook-url-guard';

const strict = { allowHttp: false, allowPrivate: false };
const fixed =
  (answers: Record<string, string[]>): Resolver =>
  async (host) => {
    const list = answers[host];
    if (!list) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

describe('webhook URL guard (SSRF)', () => {
  it('names the internal ranges and lets public addresses through', () => {
    const cases: [string, string | null][] = [
      ['127.0.0.1', 'loopback'],
      ['127.8.9.10', 'loopback'],
      ['::1', 'loopback or unspecified'],
      ['10.1.2.3', 'private'],
      ['172.16.0.1', 'private'],
      ['172.31.255.255', 'private'],
      ['192.168.1.1', 'private'],
      ['169.254.169.254', 'link-local'],
      ['100.64.0.1', 'shared (CGNAT)'],
      ['0.0.0.0', 'this-network'],
      ['224.0.0.1', 'multicast'],
      ['fd00::1', 'private (unique local)'],
      ['fe80::1', 'link-local'],
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:a00:1', 'private'],
      ['[::ffff:c0a8:101]', 'private'],
      ['8.8.8.8', null],
      ['172.32.0.1', null],
      ['2a00:1450:4001:81b::200e', null],
      ['::ffff:8.8.8.8', null],
      ['localhost', 'not an IP address'],
    ];
    for (const [ip, label] of cases) assert.equal(blockedRange(ip), label, ip);
  });

  it('refuses http, credentials and literal internal addresses by their form', () => {
    const guard = new WebhookUrlGuard(strict, fixed({}));
    assert.throws(() => guard.parse('http://hooks.example.com/x'), /must be https/);
    assert.throws(() => guard.parse('https://u:p@hooks.example.com/x'), /credentials/);
    assert.throws(() => guard.parse('https://127.0.0.1/x'), /loopback/);
    assert.throws(() => guard.parse('https://[::ffff:7f00:1]/x'), /loopback/);
    assert.throws(() => guard.parse('ftp://hooks.example.com/x'), /https/);
    assert.throws(() => guard.parse('not a url'), /absolute URL/);
    assert.equal(guard.parse('https://hooks.example.com/x').hostname, 'hooks.example.com');
  });

  it('refuses a host when any address it resolves to is internal, and one that does not resolve', async () => {
    const guard = new WebhookUrlGuard(
      strict,
      fixed({
        'ok.example.com': ['93.184.216.34'],
        'mixed.example.com': ['93.184.216.34', '10.0.0.5'],
        'meta.example.com': ['169.254.169.254'],
      }),
    );
    await guard.check('https://ok.example.com/hook');
    await assert.rejects(guard.check('https://mixed.example.com/hook'), /10\.0\.0\.5, a private address/);
    await assert.rejects(guard.check('https://meta.example.com/hook'), /link-local/);
    await assert.rejects(guard.check('https://nowhere.example.com/hook'), (e: Error & { code: string }) => e.code === 'url_unresolvable');
  });

  it('checks again at connection time: a host that now resolves to loopback is never connected to (rebinding)', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits++;
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      let answer = '93.184.216.34';
      const guard = new WebhookUrlGuard({ allowHttp: true, allowPrivate: false }, async () => [{ address: answer, family: 4 }]);
      await guard.check(`http://rebind.example.com:${port}/`);
      answer = '127.0.0.1';
      const client = new WebhookHttpClient(guard.lookup, 2_000);
      const result = await client.post(new URL(`http://rebind.example.com:${port}/`), '{}', {});
      client.close();
      assert.equal(result.ok, false);
      assert.match(result.error ?? '', /loopback/);
      assert.equal(hits, 0);

      const open = new WebhookUrlGuard({ allowHttp: true, allowPrivate: true }, async () => [{ address: '127.0.0.1', family: 4 }]);
      const allowed = new WebhookHttpClient(open.lookup, 2_000);
      const ok = await allowed.post(new URL(`http://rebind.example.com:${port}/`), '{}', {});
      allowed.close();
      assert.equal(ok.ok, true);
      assert.equal(ok.snippet, 'ok');
      assert.equal(hits, 1);
    } finally {
      server.close();
    }
  });
});
