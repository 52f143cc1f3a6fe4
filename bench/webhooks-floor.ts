import { createHmac, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';

/**
 * The floor of `bench:webhooks`, in a process of its own: a bare loop that
 * POSTs bodies shaped and signed like the app's deliveries (the same envelope,
 * the same headers, HMAC-SHA256 per request) to the same receiver, with the
 * webhook worker's concurrency over keep-alive connections, and no queue, no
 * database. IPC: "ready"; `{ url, secret, total, concurrency }` runs it and
 * answers `{ start }` when the last answer came back; "stop" exits.
 */
function post(agent: Agent, url: URL, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } });
    req.on('error', reject);
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.end(body);
  });
}

async function run(o: { url: string; secret: string; total: number; concurrency: number; businessId: string }): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const url = new URL(o.url);
  let next = 0;
  const start = Date.now();
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
      while (next < o.total) {
        const seq = next++;
        const envelope = {
          id: randomUUID(),
          type: 'customer.created',
          createdAt: new Date().toISOString(),
          businessId: o.businessId,
          data: { customerId: randomUUID(), source: `bench:${seq}` },
        };
        const body = JSON.stringify(envelope);
        const t = Math.floor(Date.now() / 1000);
        const signature = createHmac('sha256', o.secret).update(`${t}.${body}`).digest('hex');
        await post(agent, url, body, {
          'Content-Type': 'application/json',
          'User-Agent': 'ChatGrow-Webhooks/1',
          'ChatGrow-Event-Id': envelope.id,
          'ChatGrow-Event-Type': envelope.type,
          'ChatGrow-Signature': `t=${t},v1=${signature}`,
        });
      }
    }),
  );
  agent.destroy();
  return start;
}

process.send!('ready');
process.on('disconnect', () => process.exit(0));
process.on('message', (m: unknown) => {
  if (m === 'stop') process.exit(0);
  else void run(m as never).then((start) => process.send!({ start }));
});
