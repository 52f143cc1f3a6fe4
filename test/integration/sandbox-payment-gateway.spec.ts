import 'reflect-metadata';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { PaymentProvider } from '../../src/infra/config/env.schema';
import { createPaymentGateways } from '../../src/modules/payments/gateways/payment-gateways.factory';
import { SANDBOX_CARDS } from '../../src/modules/payments/gateways/sandbox/sandbox-cards';
import { SandboxLedgerRepository } from '../../src/modules/payments/gateways/sandbox/sandbox-ledger.repository';
import { SandboxTransaction } from '../../src/modules/payments/gateways/sandbox/sandbox-transaction.entity';
import { SandboxPaymentGateway } from '../../src/modules/payments/gateways/sandbox/sandbox.payment-gateway';
import { useTestDataSource } from '../support/database';
import { insertBusiness } from '../support/sql';

/** The sandbox driver against real PostgreSQL: create a page, pay or decline on it, verify by re-query. */
describe('sandbox payment gateway', () => {
  let ds: DataSource;
  let gateway: SandboxPaymentGateway;
  let a: string;
  let b: string;
  const page = (reference = randomUUID(), amountAgorot = 12_350) => ({
    reference,
    amountAgorot,
    currency: 'ILS',
    description: 'שיעור יוגה',
    installments: 1,
    payer: { name: 'דנה כהן', email: 'dana@example.co.il', phone: '+972501234567' },
    successUrl: 'https://shop.example.co.il/ok',
    failureUrl: 'https://shop.example.co.il/failed',
    notifyUrl: 'https://app.example.co.il/api/webhooks/payments/sandbox/tok',
  });

  const dataSource = useTestDataSource();
  before(async () => {
    ds = dataSource();
    gateway = new SandboxPaymentGateway(new SandboxLedgerRepository(ds.getRepository(SandboxTransaction)), 'https://app.example.co.il');
    a = await insertBusiness(ds, 'א');
    b = await insertBusiness(ds, 'ב');
  });

  it('creates a hosted page served by the app; until a card is submitted the re-query says pending', async () => {
    const created = await gateway.createPage({ businessId: a, credentials: {} }, page());
    assert.match(created.url, /^https:\/\/app\.example\.co\.il\/sandbox\/pay\/[A-Za-z0-9_-]{43}$/);
    assert.equal(created.url.split('/').pop(), created.gatewayReference);
    const q = await gateway.query({ businessId: a, credentials: {} }, created.gatewayReference);
    assert.deepEqual(q, {
      status: 'pending',
      transactionId: null,
      amountAgorot: null,
      reference: q.reference,
      reason: null,
      refundData: {},
    });
  });

  it('the approving card: success URL, one notification, and the re-query says approved with amount and reference', async () => {
    const reference = randomUUID();
    const created = await gateway.createPage({ businessId: a, credentials: {} }, page(reference));
    const submitted = await gateway.submit(created.gatewayReference, '4580 0000 0000 0000');
    assert.equal(submitted?.redirectUrl, 'https://shop.example.co.il/ok');
    assert.equal(submitted?.notify?.url, 'https://app.example.co.il/api/webhooks/payments/sandbox/tok');
    const parsed = gateway.parseNotification(JSON.parse(JSON.stringify(submitted!.notify!.body)));
    assert.deepEqual(parsed, { key: submitted!.notify!.body.transactionId, gatewayReference: created.gatewayReference, fields: {} });
    const q = await gateway.query({ businessId: a, credentials: {} }, created.gatewayReference);
    assert.deepEqual(q, { status: 'approved', transactionId: parsed!.key, amountAgorot: 12_350, reference, reason: null, refundData: {} });

    const again = await gateway.submit(created.gatewayReference, SANDBOX_CARDS.decline);
    assert.equal(again?.redirectUrl, 'https://shop.example.co.il/ok', 'a paid page stays paid');
    assert.equal(again?.notify, null, 'and tells nothing new');
  });

  it('the declining and insufficient-funds cards: failure URL, declined with the reason', async () => {
    for (const [card, reason] of [
      [SANDBOX_CARDS.decline, /declined/],
      [SANDBOX_CARDS.insufficientFunds, /insufficient funds/],
      ['4111111111111111', /unknown test card/],
    ] as const) {
      const created = await gateway.createPage({ businessId: a, credentials: {} }, page());
      const submitted = await gateway.submit(created.gatewayReference, card);
      assert.equal(submitted?.redirectUrl, 'https://shop.example.co.il/failed');
      const q = await gateway.query({ businessId: a, credentials: {} }, created.gatewayReference);
      assert.equal(q.status, 'declined');
      assert.equal(q.amountAgorot, null);
      assert.match(q.reason ?? '', reason);
    }
  });

  it('ten concurrent submissions of one page record one outcome and one notification', async () => {
    const created = await gateway.createPage({ businessId: a, credentials: {} }, page());
    const all = await Promise.all(Array.from({ length: 10 }, () => gateway.submit(created.gatewayReference, SANDBOX_CARDS.approve)));
    assert.equal(all.filter((s) => s?.notify).length, 1);
  });

  it("another business's page is not found by its re-query; unknown tokens and foreign bodies are refused", async () => {
    const created = await gateway.createPage({ businessId: a, credentials: {} }, page());
    assert.equal((await gateway.query({ businessId: b, credentials: {} }, created.gatewayReference)).status, 'declined');
    assert.equal(await gateway.submit('x'.repeat(43), SANDBOX_CARDS.approve), null);
    assert.equal(await gateway.submit('../etc', SANDBOX_CARDS.approve), null);
    for (const body of [
      null,
      'text',
      {},
      { transactionId: 'sbx_1', pageToken: 'short' },
      { transactionId: 1, pageToken: created.gatewayReference },
    ])
      assert.equal(gateway.parseNotification(body), null);
  });

  it('the gateways registry: sandbox by name, providers without a driver refuse with 422 when used', async () => {
    const gateways = createPaymentGateways(PaymentProvider.sandbox, { sandbox: gateway });
    assert.equal(gateways.for(PaymentProvider.sandbox), gateway);
    await assert.rejects(
      async () => gateways.for(PaymentProvider.cardcom).createPage({ businessId: a, credentials: {} }, page()),
      (err: { status?: number; code?: string }) => err.code === 'payment.provider_unavailable',
    );
    assert.throws(
      () => createPaymentGateways('paypal' as PaymentProvider, { sandbox: gateway }),
      /PAYMENT_PROVIDER: unknown driver "paypal"/,
    );
  });
});
