// Outbound webhooks over HTTP: endpoints registered through the API, real
// domain events (a customer created) delivered through the queue to a local
// receiver. Every delivery is verified here with node:crypto alone, by the
// algorithm the README documents (not with our code). Retries, disabling,
// the delivery log, redelivery, secret rotation, tenancy, and the SSRF guard
// of a production-mode app.
import assert from 'node:assert/strict';
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { expectProblem, newBusiness, newMember, type TestBusiness } from '../support/factories';
import { type HttpFake, type RecordedRequest, startHttpFake } from '../support/http-fake';
import { startTestApp, type TestApp } from '../support/test-app';
// After test-app, which loads reflect-metadata.
import { validateEnv } from '../../src/infra/config/validate-env';
import { SweepWebhookDeliveriesJob } from '../../src/modules/outbound-webhooks/sweep-webhook-deliveries.job';
import { until } from '../support/until';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const TOLERANCE_SECONDS = 300;

/**
 * The receiver's check, as the README tells integrators to write it: parse
 * `t=…,v1=…[,v1=…]`, refuse a timestamp outside the tolerance, compute
 * HMAC-SHA256(secret, "<t>.<raw body>") in hex and compare it in constant time
 * with each v1.
 */
function verify(secret: string, header: string | undefined, rawBody: string, now = Math.floor(Date.now() / 1000)): boolean {
  if (!header) return false;
  const parts = header.split(',').map((p) => p.split('=') as [string, string]);
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(now - t) > TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex'));
  return parts.some(([k, v]) => k === 'v1' && v.length === expected.length && timingSafeEqual(Buffer.from(v), expected));
}

describe('outbound webhooks', () => {
  let t: TestApp;
  let receiver: HttpFake;
  /** What each path answers; 200 unless set. */
  const answers = new Map<string, (n: number) => number>();

  before(async () => {
    receiver = await startHttpFake((req: RecordedRequest, res: ServerResponse) => {
      const path = req.path;
      const n = receiver.requests.filter((r) => r.path === path).length;
      res.writeHead(answers.get(path)?.(n) ?? 200, { 'Content-Type': 'text/plain' });
      res.end(`got ${n}`);
    });
    t = await startTestApp({
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      WEBHOOK_RETRY_SCHEDULE: '200ms,400ms,800ms',
      WEBHOOK_DISABLE_AFTER_FAILURES: '6',
    });
  });
  after(async () => {
    await t?.close();
    await receiver?.close();
  });

  const hookPath = () => `/hook/${randomBytes(6).toString('hex')}`;
  const received = (path: string) => receiver.requests.filter((r) => r.path === path);
  const register = async (owner: TestBusiness, path: string, eventTypes: string[] = ['customer.created']): Promise<Json> => {
    const res = await t.http
      .post('/api/webhooks/endpoints')
      .set(owner.auth)
      .send({ url: `${receiver.url}${path}`, eventTypes, description: 'CRM' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };
  const newCustomer = async (owner: TestBusiness, firstName = 'מיכל'): Promise<string> => {
    const res = await t.http
      .post('/api/customers')
      .set(owner.auth)
      .send({ firstName, phone: `05${Math.floor(10_000_000 + Math.random() * 89_999_999)}` });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id;
  };
  const deliveries = async (owner: TestBusiness, endpointId: string, query = ''): Promise<Json[]> => {
    const res = await t.http.get(`/api/webhooks/endpoints/${endpointId}/deliveries${query}`).set(owner.auth);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.data;
  };
  const settled = (owner: TestBusiness, endpointId: string, count = 1, timeoutMs = 20_000) =>
    until(
      `${count} settled deliveries`,
      async () => {
        const list = await deliveries(owner, endpointId);
        return list.length >= count && list.every((d) => d.status !== 'pending') && list;
      },
      timeoutMs,
      async () => JSON.stringify(await deliveries(owner, endpointId)),
    );

  it('delivers each subscribed event once, signed so that an independent implementation verifies it', async () => {
    const owner = await newBusiness(t.http);
    const path = hookPath();
    const other = hookPath();
    const endpoint = await register(owner, path);
    await register(owner, other, ['appointment.booked']);
    assert.match(endpoint.secret, /^whsec_/);
    assert.equal(endpoint.status, 'enabled');
    const shown = await t.http.get(`/api/webhooks/endpoints/${endpoint.id}`).set(owner.auth).expect(200);
    assert.equal(shown.body.secret, undefined, 'the secret is shown once');

    const customerId = await newCustomer(owner);
    const [delivery] = await settled(owner, endpoint.id);
    assert.equal(delivery.status, 'succeeded');
    assert.equal(delivery.attempts, 1);
    assert.equal(delivery.lastStatusCode, 200);
    assert.equal(delivery.responseSnippet, 'got 1');

    const [req] = received(path);
    assert.equal(req.method, 'POST');
    assert.ok(verify(endpoint.secret, req.headers['chatgrow-signature'] as string, req.body), req.headers['chatgrow-signature'] as string);
    assert.equal(
      verify(endpoint.secret, req.headers['chatgrow-signature'] as string, req.body.replace('}', ' }')),
      false,
      'a changed body',
    );
    assert.equal(verify(`${endpoint.secret}x`, req.headers['chatgrow-signature'] as string, req.body), false, 'another secret');
    const sentAt = Number(/t=(\d+)/.exec(req.headers['chatgrow-signature'] as string)![1]);
    assert.equal(
      verify(endpoint.secret, req.headers['chatgrow-signature'] as string, req.body, sentAt + TOLERANCE_SECONDS + 1),
      false,
      'a replay',
    );
    assert.equal(req.headers['content-type'], 'application/json');
    assert.equal(req.headers['user-agent'], 'ChatGrow-Webhooks/1');
    assert.equal(req.headers['chatgrow-event-type'], 'customer.created');

    const body = JSON.parse(req.body) as Json;
    assert.deepEqual(Object.keys(body), ['id', 'type', 'createdAt', 'businessId', 'data']);
    assert.equal(body.id, req.headers['chatgrow-event-id']);
    assert.equal(body.id, delivery.eventId);
    assert.equal(body.type, 'customer.created');
    assert.equal(body.businessId, owner.businessId);
    assert.equal(body.data.customerId, customerId);
    assert.equal(body.data.by, undefined, 'who did it inside ChatGrow is not sent');
    assert.equal(body.data.businessId, undefined);

    const detail = await t.http.get(`/api/webhooks/deliveries/${delivery.id}`).set(owner.auth).expect(200);
    assert.deepEqual(detail.body.payload, body);
    assert.equal(received(other).length, 0, 'an endpoint not subscribed to the type gets nothing');
  });

  it('retries with backoff against an endpoint that fails, then recovers, with the same event id', async () => {
    const owner = await newBusiness(t.http);
    const path = hookPath();
    answers.set(path, (n) => (n <= 2 ? 503 : 200));
    const endpoint = await register(owner, path);
    await newCustomer(owner);
    const [delivery] = await settled(owner, endpoint.id);
    assert.equal(delivery.status, 'succeeded', JSON.stringify(delivery));
    assert.equal(delivery.attempts, 3);
    const reqs = received(path);
    assert.equal(reqs.length, 3);
    assert.equal(new Set(reqs.map((r) => r.headers['chatgrow-event-id'])).size, 1);
    for (const r of reqs) assert.ok(verify(endpoint.secret, r.headers['chatgrow-signature'] as string, r.body));
    const shown = await t.http.get(`/api/webhooks/endpoints/${endpoint.id}`).set(owner.auth).expect(200);
    assert.equal(shown.body.consecutiveFailures, 0, 'a success resets the count');
  });

  it('records the gaps of the schedule (200 ms, 400 ms, each ±20 %) and fails the delivery after the last attempt', async () => {
    const owner = await newBusiness(t.http);
    const path = hookPath();
    answers.set(path, () => 500);
    const endpoint = await register(owner, path);
    const stamps: number[] = [];
    const watch = setInterval(() => {
      while (stamps.length < received(path).length) stamps.push(Date.now());
    }, 5);
    await newCustomer(owner);
    const [delivery] = await settled(owner, endpoint.id);
    clearInterval(watch);
    assert.equal(delivery.status, 'failed');
    assert.equal(delivery.attempts, 4);
    assert.equal(delivery.lastStatusCode, 500);
    assert.equal(delivery.lastError, 'HTTP 500');
    assert.equal(delivery.nextAttemptAt, null);
    const gaps = stamps.slice(1).map((s, i) => s - stamps[i]);
    assert.equal(gaps.length, 3);
    [200, 400, 800].forEach((wait, i) => assert.ok(gaps[i] >= wait * 0.8 - 20, `gap ${i}: ${gaps[i]} ms for ${wait}`));
    assert.ok(gaps[2] > gaps[0], `backoff grows: ${gaps.join(', ')}`);
  });

  it('disables an endpoint after repeated failure, with an activity entry; re-enabling resets the count', async () => {
    const owner = await newBusiness(t.http);
    const path = hookPath();
    answers.set(path, () => 500);
    const endpoint = await register(owner, path);
    await newCustomer(owner, 'א');
    await newCustomer(owner, 'ב');
    const shown = await until(
      'the endpoint disabled',
      async () => {
        const e = (await t.http.get(`/api/webhooks/endpoints/${endpoint.id}`).set(owner.auth)).body;
        return e.status === 'disabled' && e;
      },
      20_000,
      async () =>
        JSON.stringify([
          (await t.http.get(`/api/webhooks/endpoints/${endpoint.id}`).set(owner.auth)).body,
          await deliveries(owner, endpoint.id),
        ]),
    );
    assert.equal(shown.disabledReason, '6 failed attempts in a row');
    assert.equal(shown.consecutiveFailures, 6);
    const list = await settled(owner, endpoint.id, 2);
    assert.ok(list.every((d) => d.status === 'failed'));
    assert.equal(received(path).length, 6, 'nothing is sent once disabled');
    assert.ok(list.some((d) => d.lastError === 'the endpoint is disabled'));

    const entries = await until('the activity entry', async () => {
      const res = await t.http.get('/api/activity?action=webhook_endpoint.disabled').set(owner.auth);
      return res.body.data?.length && res.body.data;
    });
    assert.equal(entries[0].entityId, endpoint.id);

    await newCustomer(owner, 'ג');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal((await deliveries(owner, endpoint.id)).length, 2, 'a disabled endpoint gets no new deliveries');
    expectProblem(await t.http.post(`/api/webhooks/endpoints/${endpoint.id}/test`).set(owner.auth), 409);

    answers.set(path, () => 200);
    const enabled = await t.http.patch(`/api/webhooks/endpoints/${endpoint.id}`).set(owner.auth).send({ status: 'enabled' }).expect(200);
    assert.equal(enabled.body.status, 'enabled');
    assert.equal(enabled.body.consecutiveFailures, 0);
    assert.equal(enabled.body.disabledReason, null);
  });

  it('keeps a delivery log filtered by status and redelivers with the same event id; a ping goes the same way', async () => {
    const owner = await newBusiness(t.http);
    const path = hookPath();
    answers.set(path, () => 500);
    const endpoint = await register(owner, path);
    await newCustomer(owner);
    const [failed] = await settled(owner, endpoint.id);
    assert.equal(failed.status, 'failed');
    expectProblem(
      await t.http.post(`/api/webhooks/deliveries/${failed.id}/redeliver`).set((await newMember(t.http, owner, 'staff')).auth),
      403,
    );

    answers.set(path, () => 200);
    const redelivered = await t.http.post(`/api/webhooks/deliveries/${failed.id}/redeliver`).set(owner.auth).expect(202);
    assert.equal(redelivered.body.redeliveries, 1);
    assert.equal(redelivered.body.eventId, failed.eventId);
    const [done] = await settled(owner, endpoint.id);
    assert.equal(done.status, 'succeeded');
    assert.equal(done.attempts, 1);
    assert.equal(done.redeliveries, 1);
    const last = received(path).at(-1)!;
    assert.equal(last.headers['chatgrow-event-id'], failed.eventId);
    assert.ok(verify(endpoint.secret, last.headers['chatgrow-signature'] as string, last.body));

    const ping = await t.http.post(`/api/webhooks/endpoints/${endpoint.id}/test`).set(owner.auth).expect(202);
    assert.equal(ping.body.eventType, 'ping');
    await settled(owner, endpoint.id, 2);
    const pinged = received(path).at(-1)!;
    assert.equal(JSON.parse(pinged.body).type, 'ping');
    assert.ok(verify(endpoint.secret, pinged.headers['chatgrow-signature'] as string, pinged.body));

    assert.equal((await deliveries(owner, endpoint.id, '?status=succeeded')).length, 2);
    assert.equal((await deliveries(owner, endpoint.id, '?status=failed')).length, 0);
    const page = await t.http.get(`/api/webhooks/endpoints/${endpoint.id}/deliveries?limit=1`).set(owner.auth).expect(200);
    assert.deepEqual(page.body.meta, { page: 1, limit: 1, total: 2 });
    assert.equal(page.body.data[0].eventType, 'ping', 'newest first');
  });

  it('signs with both secrets for a day after a rotation', async () => {
    const owner = await newBusiness(t.http);
    const path = hookPath();
    const endpoint = await register(owner, path);
    const rotated = await t.http.post(`/api/webhooks/endpoints/${endpoint.id}/rotate-secret`).set(owner.auth).expect(200);
    assert.notEqual(rotated.body.secret, endpoint.secret);
    assert.ok(rotated.body.previousSecretExpiresAt);
    await newCustomer(owner);
    await settled(owner, endpoint.id);
    const [req] = received(path);
    const header = req.headers['chatgrow-signature'] as string;
    assert.equal(header.split(',').filter((p) => p.startsWith('v1=')).length, 2);
    assert.ok(verify(rotated.body.secret, header, req.body));
    assert.ok(verify(endpoint.secret, header, req.body));
  });

  it('disables an endpoint that has failed for a day even under the count, and refuses to redeliver what is pending', async () => {
    const owner = await newBusiness(t.http);
    const path = hookPath();
    answers.set(path, () => 502);
    const endpoint = await register(owner, path);
    const ds = t.app.get(DataSource);
    // Two failures so far, the first 25 hours ago (a receiver down for a day, few events).
    await ds.query(`UPDATE webhook_endpoints SET consecutive_failures = 2, failing_since = now() - interval '25 hours' WHERE id = $1`, [
      endpoint.id,
    ]);
    await newCustomer(owner);
    const shown = await until('the endpoint disabled', async () => {
      const e = (await t.http.get(`/api/webhooks/endpoints/${endpoint.id}`).set(owner.auth)).body;
      return e.status === 'disabled' && e;
    });
    assert.match(shown.disabledReason, /^failing since /);
    assert.equal(shown.consecutiveFailures, 3);
    const [failed] = await until('the delivery failed', async () => {
      const list = await deliveries(owner, endpoint.id, '?status=failed');
      return list.length === 1 && list;
    });
    assert.equal(failed.lastError, 'the endpoint is disabled');

    const [pending] = await ds.query(
      `INSERT INTO webhook_deliveries (business_id, endpoint_id, event_id, event_type, payload, status, next_attempt_at)
       VALUES ($1, $2, $3, 'ping', $4, 'pending', now() + interval '1 hour') RETURNING id`,
      [owner.businessId, endpoint.id, randomUUID(), JSON.stringify({ id: randomUUID(), type: 'ping', data: {} })],
    );
    const refused = expectProblem(await t.http.post(`/api/webhooks/deliveries/${pending.id}/redeliver`).set(owner.auth), 409);
    assert.equal(refused.code, 'webhook_delivery.pending');
    const disabled = expectProblem(await t.http.post(`/api/webhooks/deliveries/${failed.id}/redeliver`).set(owner.auth), 409);
    assert.equal(disabled.code, 'webhook_endpoint.disabled');
  });

  it('queues again a pending delivery whose job was lost (the sweeper)', async () => {
    const owner = await newBusiness(t.http);
    const path = hookPath();
    const endpoint = await register(owner, path);
    // A fan-out that wrote its row and never queued its job (a crash in between), ten minutes ago.
    const eventId = randomUUID();
    const envelope = {
      id: eventId,
      type: 'customer.created',
      createdAt: new Date(Date.now() - 600_000).toISOString(),
      businessId: owner.businessId,
      data: { customerId: randomUUID(), source: 'manual' },
    };
    const ds = t.app.get(DataSource);
    await ds.query(
      `INSERT INTO webhook_deliveries (business_id, endpoint_id, event_id, event_type, payload, status, next_attempt_at)
       VALUES ($1, $2, $3, 'customer.created', $4, 'pending', now() - interval '10 minutes')`,
      [owner.businessId, endpoint.id, eventId, JSON.stringify(envelope)],
    );
    const swept = await t.app.get(SweepWebhookDeliveriesJob).handle();
    assert.ok(swept.requeued >= 1, JSON.stringify(swept));
    const [delivery] = await settled(owner, endpoint.id);
    assert.equal(delivery.status, 'succeeded');
    const [req] = received(path);
    assert.equal(req.headers['chatgrow-event-id'], eventId);
    assert.ok(verify(endpoint.secret, req.headers['chatgrow-signature'] as string, req.body));
    assert.deepEqual(JSON.parse(req.body), envelope);
    assert.equal((await t.app.get(SweepWebhookDeliveriesJob).handle()).requeued, 0, 'nothing left to sweep');
  });

  it("answers 404 for another business's endpoints and deliveries, and lets only owners and admins change them", async () => {
    const owner = await newBusiness(t.http);
    const stranger = await newBusiness(t.http);
    const path = hookPath();
    const endpoint = await register(owner, path);
    await newCustomer(owner);
    const [delivery] = await settled(owner, endpoint.id);
    const id = endpoint.id;
    for (const res of [
      await t.http.get(`/api/webhooks/endpoints/${id}`).set(stranger.auth),
      await t.http.patch(`/api/webhooks/endpoints/${id}`).set(stranger.auth).send({ description: 'x' }),
      await t.http.delete(`/api/webhooks/endpoints/${id}`).set(stranger.auth),
      await t.http.post(`/api/webhooks/endpoints/${id}/rotate-secret`).set(stranger.auth),
      await t.http.post(`/api/webhooks/endpoints/${id}/test`).set(stranger.auth),
      await t.http.get(`/api/webhooks/endpoints/${id}/deliveries`).set(stranger.auth),
      await t.http.get(`/api/webhooks/deliveries/${delivery.id}`).set(stranger.auth),
      await t.http.post(`/api/webhooks/deliveries/${delivery.id}/redeliver`).set(stranger.auth),
    ])
      expectProblem(res, 404);
    assert.equal((await t.http.get('/api/webhooks/endpoints').set(stranger.auth).expect(200)).body.meta.total, 0);

    const staff = await newMember(t.http, owner, 'staff');
    expectProblem(
      await t.http
        .post('/api/webhooks/endpoints')
        .set(staff.auth)
        .send({ url: `${receiver.url}/x`, eventTypes: ['*'] }),
      403,
    );
    assert.equal((await t.http.get('/api/webhooks/endpoints').set(staff.auth).expect(200)).body.meta.total, 1);

    const bad = expectProblem(
      await t.http
        .post('/api/webhooks/endpoints')
        .set(owner.auth)
        .send({ url: `${receiver.url}/x`, eventTypes: ['member.invited'] }),
      400,
    );
    assert.ok(JSON.stringify(bad).includes('eventTypes'));
    await t.http.delete(`/api/webhooks/endpoints/${id}`).set(owner.auth).expect(204);
    expectProblem(await t.http.get(`/api/webhooks/deliveries/${delivery.id}`).set(owner.auth), 404);
  });
});

describe('outbound webhooks in production mode', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ NODE_ENV: 'production', ENCRYPTION_KEY: randomBytes(32).toString('hex') });
  });
  after(async () => {
    await t?.close();
  });

  it('refuses http and endpoints that are or resolve to loopback, private or link-local addresses', async () => {
    const owner = await newBusiness(t.http);
    for (const url of [
      'https://127.0.0.1/hook',
      'https://localhost/hook',
      'https://10.1.2.3/hook',
      'https://172.20.0.5/hook',
      'https://192.168.1.10/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
      'https://[::ffff:192.168.1.10]/hook',
      'https://[fd12:3456::1]/hook',
      'http://hooks.example.com/hook',
      'https://user:pass@hooks.example.com/hook',
    ]) {
      const res = await t.http
        .post('/api/webhooks/endpoints')
        .set(owner.auth)
        .send({ url, eventTypes: ['*'] });
      const problem = expectProblem(res, 422);
      assert.equal(problem.code, 'webhook_endpoint.url_refused', `${url}: ${JSON.stringify(problem)}`);
    }
    assert.equal((await t.http.get('/api/webhooks/endpoints').set(owner.auth).expect(200)).body.meta.total, 0);
  });

  it('will not boot with WEBHOOK_ALLOW_PRIVATE_URLS in production', async () => {
    assert.throws(
      () =>
        validateEnv({
          NODE_ENV: 'production',
          JWT_SECRET: 'x'.repeat(40),
          ENCRYPTION_KEY: randomBytes(32).toString('hex'),
          WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
        }),
      /WEBHOOK_ALLOW_PRIVATE_URLS/,
    );
  });
});
