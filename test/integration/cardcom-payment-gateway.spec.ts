import 'reflect-metadata';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, afterEach, before, describe, it } from 'node:test';
import { PaymentProvider } from '../../src/infra/config/env.schema';
import { CardcomPaymentGateway } from '../../src/modules/payments/gateways/cardcom/cardcom.payment-gateway';
import {
  GatewayError,
  PAYMENT_GATEWAYS,
  type GatewayContext,
  type HostedPageRequest,
  type PaymentGateways,
} from '../../src/modules/payments/gateways/payment-gateway.port';
import { CARDCOM_FAKE_CODES, startCardcomFake, type CardcomFake } from '../support/cardcom-fake';
import { cardcomOpenApi } from '../support/cardcom-openapi';
import { closedPort } from '../support/http-fake';
import { startTestApp } from '../support/test-app';

const ACCOUNT = { terminalNumber: 172012, apiName: 'ChatGrowApiUser7', apiPassword: 'Pw-7gK2x9QeLm4' };
const ctx = (credentials: Record<string, string> = {}): GatewayContext => ({
  businessId: randomUUID(),
  credentials: {
    terminalNumber: String(ACCOUNT.terminalNumber),
    apiName: ACCOUNT.apiName,
    apiPassword: ACCOUNT.apiPassword,
    ...credentials,
  },
});
const page = (over: Partial<HostedPageRequest> = {}): HostedPageRequest => ({
  reference: randomUUID(),
  amountAgorot: 12_345,
  currency: 'ILS',
  description: 'שיעור יוגה',
  installments: 1,
  payer: { name: 'דנה כהן', email: 'dana@example.co.il', phone: '+972501234567' },
  successUrl: 'https://app.example.co.il/payments/return?result=success',
  failureUrl: 'https://app.example.co.il/payments/return?result=failure',
  notifyUrl: 'https://app.example.co.il/api/webhooks/payments/cardcom/tok_abc',
  ...over,
});

/** The GatewayError `promise` rejects with. */
async function gatewayError(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof GatewayError, `expected a GatewayError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected a GatewayError');
}

/** The credentials appear in no message. */
function assertNoSecrets(text: string | null): void {
  assert.ok(!text?.includes(ACCOUNT.apiName) && !text?.includes(ACCOUNT.apiPassword), `a credential leaked: ${text}`);
}

describe('payments: Cardcom (API v11) driver at the wire', () => {
  let fake: CardcomFake;
  let cardcom: CardcomPaymentGateway;
  before(async () => {
    fake = await startCardcomFake(ACCOUNT);
    cardcom = new CardcomPaymentGateway(`${fake.url}/`);
  });
  after(() => fake.close());
  afterEach(() => assert.deepEqual(fake.violations.splice(0), [], "Cardcom's OpenAPI document was broken"));

  /** Opens a page and returns its LowProfileId and the request. */
  async function openPage(over: Partial<HostedPageRequest> = {}) {
    const request = page(over);
    const created = await cardcom.createPage(ctx(), request);
    return { request, id: created.gatewayReference };
  }

  it("the fake's schema check catches what Cardcom would refuse", () => {
    const api = cardcomOpenApi();
    const broken = api.request('/api/v11/LowProfile/Create', {
      TerminalNumber: '1000',
      ApiName: 'x',
      Amount: 10.505,
      SuccessRedirectUrl: 'https://a',
      FailedRedirectUrl: 'https://b',
      Document: { Name: 'n', Products: [], Bogus: 1 },
    });
    for (const expected of [
      /required property 'WebHookUrl'/,
      /TerminalNumber must be integer/,
      /Amount must match format "decimal"/,
      /\(Bogus\)/,
    ])
      assert.ok(
        broken.some((line) => expected.test(line)),
        `${expected} in ${broken.join('\n')}`,
      );
    assert.ok(api.response('/api/v11/LowProfile/GetLpResult', 200, { ResponseCode: 0, LowProfileId: 'not-a-guid' }).length > 0);
    assert.ok(api.response('/api/v11/Transactions/RefundByTransactionId', 500, {}).length > 0, 'an undocumented status');
  });

  it('creates the page: one JSON POST to LowProfile/Create, credentials in the body, shekels with two decimals, no tax document', async () => {
    const request = page();
    const created = await cardcom.createPage(ctx(), request);
    const call = fake.calls.at(-1)!;
    assert.equal(call.request.method, 'POST');
    assert.equal(call.request.path, '/api/v11/LowProfile/Create');
    assert.match(String(call.request.headers['content-type']), /^application\/json/);
    assert.match(call.request.body, /"Amount":123\.45[,}]/);
    assert.deepEqual(call.body, {
      TerminalNumber: ACCOUNT.terminalNumber,
      ApiName: ACCOUNT.apiName,
      Operation: 'ChargeOnly',
      ReturnValue: request.reference,
      Amount: 123.45,
      SuccessRedirectUrl: request.successUrl,
      FailedRedirectUrl: request.failureUrl,
      CancelRedirectUrl: request.failureUrl,
      WebHookUrl: request.notifyUrl,
      ProductName: 'שיעור יוגה',
      Language: 'he',
      ISOCoinId: 1,
      UIDefinition: { CardOwnerNameValue: 'דנה כהן', CardOwnerEmailValue: 'dana@example.co.il', CardOwnerPhoneValue: '0501234567' },
      Document: {
        Name: 'דנה כהן',
        IsShowOnlyDocument: true,
        IsSendByEmail: false,
        Products: [{ Description: 'שיעור יוגה', Quantity: 1, UnitCost: 123.45, TotalLineCost: 123.45 }],
      },
    });
    assert.ok(!('ApiPassword' in (call.body as object)), 'creating a page does not need the password');
    const [id] = [...fake.pages.keys()].slice(-1);
    assert.deepEqual(created, { gatewayReference: id, url: `https://secure.cardcom.solutions/EA/EA5/${id}/PaymentSP` });
  });

  it('offers installments, converts other amounts exactly and leaves out prefill it has not got', async () => {
    await cardcom.createPage(
      ctx(),
      page({ amountAgorot: 5, installments: 3, currency: 'USD', payer: { name: 'Noa', email: null, phone: null } }),
    );
    let body = fake.calls.at(-1)!.body as Record<string, unknown>;
    assert.equal(body.Amount, 0.05);
    assert.equal(body.ISOCoinId, 2);
    assert.deepEqual(body.AdvancedDefinition, { MinNumOfPayments: 1, MaxNumOfPayments: 3 });
    assert.deepEqual(body.UIDefinition, { CardOwnerNameValue: 'Noa' });
    await cardcom.createPage(ctx(), page({ amountAgorot: 1_000_000, currency: 'EUR' }));
    body = fake.calls.at(-1)!.body as Record<string, unknown>;
    assert.match(fake.calls.at(-1)!.request.body, /"Amount":10000[,}]/);
    assert.equal(body.ISOCoinId, 978);
  });

  it("create-page refusals are final with Cardcom's code; nothing is sent for what Cardcom cannot take", async () => {
    const wrongUser = await gatewayError(cardcom.createPage(ctx({ apiName: 'SomeoneElse' }), page()));
    assert.equal(wrongUser.temporary, false);
    assert.equal(wrongUser.code, String(CARDCOM_FAKE_CODES.badCredentials));
    assert.match(wrongUser.message, /HTTP 401.*Cardcom 603: שם משתמש או סיסמה שגויים/);

    fake.refuseNext({ ResponseCode: 5100, Description: `Terminal 172012 for ${ACCOUNT.apiName} is not allowed LowProfile` });
    const refused = await gatewayError(cardcom.createPage(ctx(), page()));
    assert.deepEqual([refused.temporary, refused.code], [false, '5100']);
    assert.match(refused.message, /^Cardcom did not create the page: Cardcom 5100: Terminal 172012 for \*\*\* is not allowed/);
    assertNoSecrets(refused.message);

    const sent = fake.requests.length;
    for (const [request, code] of [
      [page({ currency: 'JPY' }), 'currency'],
      [page({ amountAgorot: 0 }), 'amount'],
      [page({ notifyUrl: `https://app.example.co.il/${'x'.repeat(500)}` }), 'url_too_long'],
    ] as const) {
      const err = await gatewayError(cardcom.createPage(ctx(), request));
      assert.deepEqual([err.temporary, err.code], [false, code]);
    }
    const missing = await gatewayError(cardcom.createPage({ businessId: randomUUID(), credentials: {} }, page()));
    assert.deepEqual([missing.temporary, missing.code], [false, 'credentials_missing']);
    assert.equal(fake.requests.length, sent, 'none of these reached Cardcom');
  });

  it('5xx, 429, a refused connection and a timeout are temporary', async () => {
    for (const status of [500, 503, 429]) {
      fake.failNext(status);
      const err = await gatewayError(cardcom.createPage(ctx(), page()));
      assert.deepEqual([err.temporary, err.code], [true, `http_${status}`], `HTTP ${status}`);
    }
    const down = new CardcomPaymentGateway(`http://127.0.0.1:${await closedPort()}`);
    const refused = await gatewayError(down.createPage(ctx(), page()));
    assert.deepEqual([refused.temporary, refused.code], [true, 'ECONNREFUSED']);

    const impatient = new CardcomPaymentGateway(fake.url, 150);
    fake.stallNext(1_000);
    const slow = await gatewayError(impatient.query(ctx(), randomUUID(), null));
    assert.deepEqual([slow.temporary, slow.code], [true, 'timeout']);
  });

  it('query asks GetLpResult: pending while the page is open, with our reference as Cardcom echoes it', async () => {
    const { request, id } = await openPage();
    const q = await cardcom.query(ctx(), id, null);
    const call = fake.calls.at(-1)!;
    assert.equal(call.request.path, '/api/v11/LowProfile/GetLpResult');
    assert.match(String(call.request.headers['content-type']), /^application\/json/);
    assert.deepEqual(call.body, { TerminalNumber: ACCOUNT.terminalNumber, ApiName: ACCOUNT.apiName, LowProfileId: id });
    assert.deepEqual(q, {
      status: 'pending',
      transactionId: null,
      amountAgorot: null,
      reference: request.reference,
      reason: `Cardcom ${CARDCOM_FAKE_CODES.pageOpen}: העסקה טרם הושלמה`,
      refundData: {},
    });
  });

  it('query: approved only on ResponseCode 0 with TranzactionInfo.ResponseCode 0; amount as charged, in agorot', async () => {
    const { request, id } = await openPage();
    const webhook = fake.pay(id, 'approved');
    const q = await cardcom.query(ctx(), id, cardcom.parseNotification(webhook));
    assert.deepEqual(q, {
      status: 'approved',
      transactionId: String(webhook.TranzactionId),
      amountAgorot: 12_345,
      reference: request.reference,
      reason: null,
      refundData: {},
    });

    // A top-level 0 alone is no proof of a charge.
    fake.refuseNext({ ResponseCode: 0, Description: 'OK' });
    assert.equal((await cardcom.query(ctx(), id, null)).status, 'pending');
  });

  it("query: a declined card is declined with the issuer's words", async () => {
    const { request, id } = await openPage();
    const webhook = fake.pay(id, 'declined');
    const q = await cardcom.query(ctx(), id, null);
    assert.deepEqual(q, {
      status: 'declined',
      transactionId: String(webhook.TranzactionId),
      amountAgorot: null,
      reference: request.reference,
      reason: `Cardcom ${CARDCOM_FAKE_CODES.cardDeclined}: סירוב`,
      refundData: {},
    });
  });

  it('query: wrong credentials are final; a reference that is no LowProfileId is refused before asking', async () => {
    const { id } = await openPage();
    const err = await gatewayError(cardcom.query(ctx({ apiName: 'Nobody' }), id, null));
    assert.deepEqual([err.temporary, err.code], [false, String(CARDCOM_FAKE_CODES.badCredentials)]);
    const sent = fake.requests.length;
    const bad = await gatewayError(cardcom.query(ctx(), 'sbx_not-a-guid', null));
    assert.deepEqual([bad.temporary, bad.code], [false, 'page_id']);
    assert.equal(fake.requests.length, sent);
  });

  it('acknowledge sends nothing: Cardcom asks for no more than the 200', async () => {
    const { id } = await openPage();
    const notification = cardcom.parseNotification(fake.pay(id, 'approved'))!;
    const transaction = await cardcom.query(ctx(), id, notification);
    const sent = fake.requests.length;
    await cardcom.acknowledge(ctx(), notification, transaction);
    assert.equal(fake.requests.length, sent);
  });

  /** An approved page and what the driver learnt of it. */
  async function paid(amountAgorot = 12_345) {
    const { request, id } = await openPage({ amountAgorot });
    fake.pay(id, 'approved');
    const tx = await cardcom.query(ctx(), id, null);
    assert.equal(tx.status, 'approved');
    const refund = (amount: number, credentials: Record<string, string> = {}) =>
      cardcom.refund(ctx(credentials), {
        reference: request.reference,
        refundReference: randomUUID(),
        gatewayReference: id,
        transactionId: tx.transactionId!,
        refundData: tx.refundData,
        amountAgorot: amount,
        paidAgorot: amountAgorot,
        currency: 'ILS',
      });
    return { tx, refund };
  }

  it('a full refund: RefundByTransactionId with the password and no PartialSum; a second one is refused', async () => {
    const { tx, refund } = await paid();
    const done = await refund(12_345);
    const call = fake.calls.at(-1)!;
    assert.equal(call.request.path, '/api/v11/Transactions/RefundByTransactionId');
    assert.match(String(call.request.headers['content-type']), /^application\/json/);
    assert.deepEqual(call.body, {
      ApiName: ACCOUNT.apiName,
      ApiPassword: ACCOUNT.apiPassword,
      TransactionId: Number(tx.transactionId),
      CancelOnly: false,
    });
    assert.match(done.refundId ?? '', /^\d{9}$/);
    assert.equal(fake.transactions.get(Number(tx.transactionId))!.refundedAgorot, 12_345);

    const again = await gatewayError(refund(12_345));
    assert.deepEqual([again.temporary, again.code], [false, String(CARDCOM_FAKE_CODES.alreadyRefunded)]);
    assert.match(again.message, /^Cardcom refused the refund: Cardcom 513: /);
  });

  it('partial refunds send PartialSum in shekels and allow the next; more than is left is refused', async () => {
    const { tx, refund } = await paid(12_345);
    await refund(2_345);
    assert.deepEqual(fake.calls.at(-1)!.body, {
      ApiName: ACCOUNT.apiName,
      ApiPassword: ACCOUNT.apiPassword,
      TransactionId: Number(tx.transactionId),
      PartialSum: 23.45,
      AllowMultipleRefunds: true,
      CancelOnly: false,
    });
    assert.match(fake.calls.at(-1)!.request.body, /"PartialSum":23\.45[,}]/);
    await refund(9_999);
    assert.equal((fake.calls.at(-1)!.body as { PartialSum: number }).PartialSum, 99.99);
    const above = await gatewayError(refund(2));
    assert.deepEqual([above.temporary, above.code], [false, String(CARDCOM_FAKE_CODES.refundAboveLeft)]);
    assert.equal(fake.transactions.get(Number(tx.transactionId))!.refundedAgorot, 12_344);
  });

  it("refund errors: Cardcom's refusals are final and never show the password; an unreachable Cardcom is temporary", async () => {
    const { refund } = await paid();
    const wrong = await gatewayError(refund(100, { apiPassword: 'not-the-password' }));
    assert.deepEqual([wrong.temporary, wrong.code], [false, String(CARDCOM_FAKE_CODES.badCredentials)]);
    assert.ok(!wrong.message.includes('not-the-password'));

    const unknown = await gatewayError(
      cardcom.refund(ctx(), {
        reference: randomUUID(),
        refundReference: randomUUID(),
        gatewayReference: randomUUID(),
        transactionId: '987654321',
        refundData: {},
        amountAgorot: 100,
        paidAgorot: 100,
        currency: 'ILS',
      }),
    );
    assert.deepEqual([unknown.temporary, unknown.code], [false, String(CARDCOM_FAKE_CODES.transactionNotFound)]);

    fake.refuseNext({ ResponseCode: 401, Description: `ApiPassword ${ACCOUNT.apiPassword} is not valid` }, 401);
    const echoed = await gatewayError(refund(100));
    assertNoSecrets(echoed.message);
    assert.match(echoed.message, /ApiPassword \*\*\* is not valid/);

    fake.failNext(502);
    const down = await gatewayError(refund(100));
    assert.deepEqual([down.temporary, down.code], [true, 'http_502']);

    const sent = fake.requests.length;
    const noPassword = await gatewayError(refund(100, { apiPassword: '' }));
    assert.deepEqual([noPassword.temporary, noPassword.code], [false, 'credentials_missing']);
    assert.equal(fake.requests.length, sent);
  });

  it("parseNotification takes Cardcom's JSON LowProfileResult: the page and its transaction", async () => {
    const { id } = await openPage();
    const webhook = JSON.parse(JSON.stringify(fake.pay(id, 'approved'))) as Record<string, unknown>;
    assert.deepEqual(cardcom.parseNotification(webhook), {
      key: `${id}:${String(webhook.TranzactionId)}`,
      gatewayReference: id,
      fields: {},
    });
    assert.deepEqual(cardcom.parseNotification({ ...webhook, LowProfileId: id.toUpperCase() })?.gatewayReference, id);
    const { TranzactionId: _t, TranzactionInfo: _i, ...early } = webhook;
    assert.deepEqual(cardcom.parseNotification(early), { key: `${id}:0`, gatewayReference: id, fields: {} });
  });

  it('parseNotification: anything else is null', async () => {
    const { id } = await openPage();
    const webhook = fake.pay(id, 'declined');
    for (const body of [
      null,
      undefined,
      'LowProfileId=' + id,
      42,
      [webhook],
      {},
      { ...webhook, LowProfileId: 'not-a-guid' },
      { ...webhook, LowProfileId: undefined },
      { ...webhook, ResponseCode: '0' },
      { ...webhook, ResponseCode: undefined },
      { ...webhook, TranzactionId: '123' },
      { ...webhook, TerminalNumber: 'x' },
      { ...webhook, ReturnValue: 7 },
      { ...webhook, TranzactionInfo: 'approved' },
      { terminalnumber: String(ACCOUNT.terminalNumber), lowprofilecode: id, Operation: '1' },
      { 'data[LowProfileId]': id, 'data[ResponseCode]': '0' },
    ])
      assert.equal(cardcom.parseNotification(body), null, JSON.stringify(body) ?? String(body));
  });

  it('checkCredentials lists today’s transactions of the terminal (read-only): null when they work, else the reason', async () => {
    assert.equal(await cardcom.checkCredentials(ctx()), null);
    const call = fake.calls.at(-1)!;
    assert.equal(call.request.path, '/api/v11/Transactions/ListTransactions');
    assert.match(String(call.request.headers['content-type']), /^application\/json/);
    const today = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Jerusalem', day: '2-digit', month: '2-digit', year: 'numeric' })
      .format(new Date())
      .replaceAll('/', '');
    assert.deepEqual(call.body, {
      ApiName: ACCOUNT.apiName,
      ApiPassword: ACCOUNT.apiPassword,
      FromDate: today,
      ToDate: today,
      Page: 1,
      Page_size: 10,
      LimitForTerminal: ACCOUNT.terminalNumber,
    });

    const wrongPassword = await cardcom.checkCredentials(ctx({ apiPassword: 'nope-nope' }));
    assert.match(wrongPassword ?? '', /Cardcom 603: שם משתמש או סיסמה שגויים/);
    assert.ok(!wrongPassword?.includes('nope-nope'));
    assert.equal(await cardcom.checkCredentials(ctx({ terminalNumber: '999' })), `Cardcom 3: המסוף אינו שייך לחברה`);
    const sent = fake.requests.length;
    assert.match((await cardcom.checkCredentials(ctx({ apiName: '' }))) ?? '', /terminal number and the API user name/);
    assert.match((await cardcom.checkCredentials(ctx({ apiPassword: '' }))) ?? '', /needs the Cardcom API password/);
    assert.equal(fake.requests.length, sent);

    fake.failNext(503);
    const err = await gatewayError(cardcom.checkCredentials(ctx()));
    assert.deepEqual([err.temporary, err.code], [true, 'http_503'], 'no verdict when Cardcom cannot answer');
  });

  it('is the driver the app registers for cardcom, aimed at CARDCOM_API_URL', async () => {
    const t = await startTestApp({ CARDCOM_API_URL: fake.url });
    try {
      const driver = t.app.get<PaymentGateways>(PAYMENT_GATEWAYS).for(PaymentProvider.cardcom);
      assert.ok(driver instanceof CardcomPaymentGateway);
      const sent = fake.requests.length;
      await driver.createPage(ctx(), page());
      assert.equal(fake.requests.length, sent + 1);
    } finally {
      await t.close();
    }
  });
});
