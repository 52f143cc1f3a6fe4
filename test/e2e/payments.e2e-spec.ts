import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectProblem, newBusiness, type TestBusiness } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

/** POST/GET /api/payments over HTTP on the sandbox gateway (PAYMENT_PROVIDER's default). */
describe('payments', () => {
  let t: TestApp;
  let owner: TestBusiness;
  let customerId: string;

  before(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://pay.example.co.il' });
    owner = await newBusiness(t.http);
    customerId = (await t.http.post('/api/customers').set(owner.auth).send({ firstName: 'אבי', phone: '+972521234567' }).expect(201)).body
      .id;
  });
  after(() => t?.close());

  it('creates a pending payment with a hosted sandbox page, once per Idempotency-Key', async () => {
    const body = {
      customerId,
      amount: 12_000,
      description: 'שיעור יוגה',
      lines: [{ description: 'שיעור', quantity: 2, unitPrice: 6_000 }],
    };
    const first = await t.http.post('/api/payments').set(owner.auth).set('Idempotency-Key', 'pay-1').send(body).expect(201);
    assert.equal(first.body.status, 'pending');
    assert.equal(first.body.provider, 'sandbox');
    assert.equal(first.body.amount, 12_000);
    assert.match(first.body.pageUrl, /^https:\/\/pay\.example\.co\.il\/sandbox\/pay\/[A-Za-z0-9_-]{43}$/);
    const again = await t.http.post('/api/payments').set(owner.auth).set('Idempotency-Key', 'pay-1').send(body).expect(201);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.deepEqual(again.body, first.body);
    expectProblem(
      await t.http
        .post('/api/payments')
        .set(owner.auth)
        .set('Idempotency-Key', 'pay-1')
        .send({ ...body, amount: 13_000, lines: undefined }),
      422,
    );

    const detail = await t.http.get(`/api/payments/${first.body.id}`).set(owner.auth).expect(200);
    assert.deepEqual(
      detail.body.events.map((e: { type: string }) => e.type),
      ['created'],
    );
    const list = await t.http.get('/api/payments').query({ status: 'pending', customerId }).set(owner.auth).expect(200);
    assert.equal(list.body.meta.total, 1);
    assert.equal(list.body.data[0].id, first.body.id);
    assert.equal((await t.http.get('/api/payments').query({ status: 'paid' }).set(owner.auth).expect(200)).body.meta.total, 0);
    assert.equal((await t.http.get('/api/payments').query({ provider: 'cardcom' }).set(owner.auth).expect(200)).body.meta.total, 0);
    assert.equal(
      (await t.http.get('/api/payments').query({ from: '2000-01-01', to: '2000-01-02' }).set(owner.auth).expect(200)).body.meta.total,
      0,
    );
  });

  it('refuses lines that do not add up, an unknown customer, a fractional amount, and a provider whose driver is not built yet', async () => {
    const base = { customerId, amount: 10_000, description: 'x' };
    expectProblem(
      await t.http
        .post('/api/payments')
        .set(owner.auth)
        .send({ ...base, lines: [{ description: 'a', quantity: 1, unitPrice: 1 }] }),
      422,
    );
    expectProblem(
      await t.http
        .post('/api/payments')
        .set(owner.auth)
        .send({ ...base, customerId: '00000000-0000-4000-8000-000000000000' }),
      404,
    );
    expectProblem(
      await t.http
        .post('/api/payments')
        .set(owner.auth)
        .send({ ...base, amount: 10.5 }),
      400,
    );
    const other = await newBusiness(t.http);
    await t.http
      .put('/api/business/payment-settings')
      .set(other.auth)
      .send({ provider: 'cardcom', credentials: { terminalNumber: '1000', apiName: 'a', apiPassword: 'b' } })
      .expect(200);
    const theirCustomer = (
      await t.http.post('/api/customers').set(other.auth).send({ firstName: 'דן', phone: '+972521234568' }).expect(201)
    ).body.id;
    const refused = expectProblem(
      await t.http
        .post('/api/payments')
        .set(other.auth)
        .send({ ...base, customerId: theirCustomer }),
      503,
    );
    assert.equal(refused.code, 'payment.gateway_unavailable', 'the test points Cardcom at a closed port');
  });

  it("another business's payment (and customer) is 404", async () => {
    const mine = await t.http.post('/api/payments').set(owner.auth).send({ customerId, amount: 5_000, description: 'y' }).expect(201);
    const other = await newBusiness(t.http);
    expectProblem(await t.http.get(`/api/payments/${mine.body.id}`).set(other.auth), 404);
    expectProblem(await t.http.post('/api/payments').set(other.auth).send({ customerId, amount: 5_000, description: 'y' }), 404);
    assert.equal((await t.http.get('/api/payments').set(other.auth).expect(200)).body.meta.total, 0);
  });
});
