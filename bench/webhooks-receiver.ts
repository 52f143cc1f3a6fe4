import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The benchmark's webhook receiver, in a process of its own: answers every
 * POST 200 at once, after checking its `ChatGrow-Signature` with node:crypto
 * (HMAC-SHA256 over "<t>.<body>", the README's algorithm) when it has been
 * given the secret. Keeps, per request, the sequence number in the event's `data.source` (`bench:<n>`) and when the
 * last byte arrived. IPC: reports `{ port }`; `{ secret }` sets the secret;
 * "reset" forgets; "stats" answers totals; "arrivals" answers [seq, at] pairs;
 * "stop" exits.
 */
export interface ReceiverStats {
  count: number;
  distinct: number;
  badSignatures: number;
  first: number;
  last: number;
}

let secret: string | null = null;
let arrivals: [number, number][] = [];
let ids = new Set<string>();
let bad = 0;

function verified(header: string | undefined, body: string): boolean {
  if (!secret || !header) return false;
  const parts = header.split(',').map((p) => p.split('='));
  const t = parts.find(([k]) => k === 't')?.[1];
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  return parts.some(([k, v]) => k === 'v1' && v.length === expected.length && timingSafeEqual(Buffer.from(v), expected));
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const at = Date.now();
    const body = Buffer.concat(chunks).toString('utf8');
    if (!verified(req.headers['chatgrow-signature'] as string | undefined, body)) bad++;
    try {
      const e = JSON.parse(body) as { id: string; data: { source?: string } };
      ids.add(e.id);
      arrivals.push([Number(String(e.data.source).split(':')[1] ?? -1), at]);
    } catch {
      bad++;
    }
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': '2' });
    res.end('ok');
  });
});
server.keepAliveTimeout = 60_000;

server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
process.on('disconnect', () => process.exit(0));
process.on('message', (m: unknown) => {
  if (m === 'stop') process.exit(0);
  else if (m === 'reset') {
    arrivals = [];
    ids = new Set();
    bad = 0;
    process.send!('ok');
  } else if (m === 'stats')
    process.send!({
      count: arrivals.length,
      distinct: ids.size,
      badSignatures: bad,
      first: arrivals[0]?.[1] ?? 0,
      last: arrivals.at(-1)?.[1] ?? 0,
    } satisfies ReceiverStats);
  else if (m === 'arrivals') process.send!(arrivals);
  else if (typeof m === 'object' && m && 'secret' in m) {
    secret = (m as { secret: string }).secret;
    process.send!('ok');
  }
});
