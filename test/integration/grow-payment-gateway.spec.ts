import 'reflect-metadata';
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { parse as parseUrlencoded } from 'node:querystring';
import { after, before, describe, it } from 'node:test';
import { PaymentProvider } from '../../src/infra/config/env.schema';
import { GrowPaymentGateway } from '../../src/modules/payments/gateways/grow/grow.payment-gateway';
import {
  GatewayError,
  PAYMENT_GATEWAYS,
  type GatewayContext,
  type HostedPageRequest,
  type PaymentGateways,
} from '../../src/modules/payments/gateways/payment-gateway.port';
import { closedPort, type HttpFake, type RecordedRequest, sendJson, startHttpFake } from '../support/http-fake';
import { startTestApp } from '../support/test-app';

const USER_ID = '4ec1d595ae764243';
const PAGE_CODE = '0b7a16e03b25';
const API_KEY = 'platform-key-5f1c9e0d7a';
const BASE = '/api/light/server/1.0';

/** One transaction on a Grow page, as the fake holds it. */
interface FakeTransaction {
  transactionId: number;
  transactionToken: string;
  statusCode: string;
  status: string;
  sum: string;
  asmachta: string;
  refunded: number;
}

interface FakeProcess {
  processId: number;
  processToken: string;
  sum: string;
  cField1: string;
  pageCode: string;
  transactions: FakeTransaction[];
}

/** A call the fake received: the request as sent and its form fields (multipart parsed). */
interface GrowCall {
  request: RecordedRequest;
  operation: string;
  form: Record<string, string>;
}

interface GrowFake extends HttpFake {
  calls: GrowCall[];
  processes: Map<number, FakeProcess>;
  approved: Record<string, string>[];
  /** Answer the next call with this HTTP status (500: an HTML error page, 429: Too Many Requests). */
  failNext(status: number): void;
  /** A transaction on the page, as Grow records a payer's attempt: statusCode 2 paid, 9 denied… */
  pay(processId: number, statusCode: string, status: string): FakeTransaction;
}

/** Grow's refusal: HTTP 200 with `status: 0`. */
const refuse = (res: ServerResponse, id: number, message: string) => sendJson(res, 200, { status: 0, err: { id, message }, data: '' });
const ok = (res: ServerResponse, data: unknown) => sendJson(res, 200, { status: 1, err: '', data });

/**
 * Grow's Light API as the reference shows it: every call `POST /api/light/server/1.0/<op>`
 * with a multipart/form-data body; JSON answers `{status, err, data}`, refusals with HTTP 200
 * and `err: {id, message}` (54 missing fields, 701 bad userId/pageCode, 716 bad transaction,
 * 730 bad process, 736 paymentNum with maxPaymentNum, 105 refund above the original, 210
 * already refunded). One business: USER_ID and PAGE_CODE.
 */
async function startGrowFake(): Promise<GrowFake> {
  const calls: GrowCall[] = [];
  const processes = new Map<number, FakeProcess>();
  const approved: Record<string, string>[] = [];
  const failures: number[] = [];
  let nextProcess = 395_235;
  let nextTransaction = 425_855;

  const answer = async (req: RecordedRequest, res: ServerResponse) => {
    const contentType = req.headers['content-type'] ?? '';
    const form: Record<string, string> = {};
    if (contentType.startsWith('multipart/form-data')) {
      const parsed = await new Response(req.body, { headers: { 'content-type': contentType } }).formData();
      for (const [name, value] of parsed.entries()) form[name] = String(value);
    }
    const operation = req.path.startsWith(`${BASE}/`) ? req.path.slice(BASE.length + 1) : req.path;
    calls.push({ request: req, operation, form });
    const failure = failures.shift();
    if (failure === 500) {
      res.writeHead(500, { 'Content-Type': 'text/html' });
      return res.end('<html><body>Internal Server Error</body></html>');
    }
    if (failure) return sendJson(res, failure, { message: 'Too Many Requests' });
    if (req.method !== 'POST') return refuse(res, 404, 'method not allowed');
    if (!contentType.startsWith('multipart/form-data')) return refuse(res, 54, 'missing required fields: pageCode');
    const missing = (names: string[]) => names.filter((n) => !form[n]);
    const badPage = () => form.pageCode !== PAGE_CODE;

    switch (operation) {
      case 'createPaymentProcess': {
        const lacking = missing(['pageCode', 'userId', 'sum', 'successUrl', 'cancelUrl', 'description']);
        if (lacking.length) return refuse(res, 54, `missing required fields: ${lacking.join(', ')}`);
        if (form.userId !== USER_ID || badPage()) return refuse(res, 701, `userId or pageCode ${form.pageCode} are not valid`);
        if (form.paymentNum && form.maxPaymentNum) return refuse(res, 736, 'paymentNum and maxPaymentNum cannot be sent together');
        const processId = nextProcess++;
        const processToken = randomBytes(16).toString('hex');
        processes.set(processId, {
          processId,
          processToken,
          sum: form.sum,
          cField1: form.cField1 ?? '',
          pageCode: form.pageCode,
          transactions: [],
        });
        return ok(res, { processId, processToken, url: `https://sandbox.meshulam.co.il/s/${PAGE_CODE}/${processId}` });
      }
      case 'getPaymentProcessInfo': {
        if (badPage()) return refuse(res, 701, `pageCode ${form.pageCode} is not valid`);
        const process = processes.get(Number(form.processId));
        if (!process || process.processToken !== form.processToken) return refuse(res, 730, 'processId or processToken are not valid');
        return ok(res, {
          processId: process.processId,
          processToken: process.processToken,
          transactions: process.transactions.map((t) => ({
            transactionId: t.transactionId,
            transactionToken: t.transactionToken,
            transactionTypeId: 1,
            paymentType: 2,
            // As in one of Grow's examples: a leading space.
            statusCode: ` ${t.statusCode}`,
            status: t.status,
            sum: t.sum,
            paymentsNum: 0,
            allPaymentsNum: 1,
            paymentDate: '5/3/26',
            asmachta: t.asmachta,
            cardSuffix: '4580',
            customFields: { cField1: process.cField1 },
          })),
        });
      }
      case 'approveTransaction': {
        if (badPage()) return refuse(res, 701, 'pageCode is not valid');
        const lacking = missing(['transactionId', 'transactionToken']);
        if (lacking.length) return refuse(res, 54, `missing required fields: ${lacking.join(', ')}`);
        const tx = [...processes.values()].flatMap((p) => p.transactions).find((t) => String(t.transactionId) === form.transactionId);
        if (!tx || tx.transactionToken !== form.transactionToken)
          return refuse(res, 716, 'transactionId or transactionToken are not valid');
        approved.push(form);
        return ok(res, '');
      }
      case 'refundTransaction': {
        const lacking = missing(['userId', 'transactionId', 'transactionToken', 'refundSum']);
        if (lacking.length) return refuse(res, 54, `missing required fields: ${lacking.join(', ')}`);
        if (form.userId !== USER_ID || badPage()) return refuse(res, 701, 'userId or pageCode are not valid');
        const tx = [...processes.values()].flatMap((p) => p.transactions).find((t) => String(t.transactionId) === form.transactionId);
        if (!tx || tx.transactionToken !== form.transactionToken)
          return refuse(res, 716, 'transactionId or transactionToken are not valid');
        const agorot = Math.round(Number(form.refundSum) * 100);
        const paid = Math.round(Number(tx.sum) * 100);
        if (tx.refunded >= paid) return refuse(res, 210, 'the transaction was already refunded');
        if (tx.refunded + agorot > paid) return refuse(res, 105, 'the refund sum is greater than the original transaction');
        tx.refunded += agorot;
        return ok(res, {
          userId: USER_ID,
          transactionId: tx.transactionId,
          transactionToken: tx.transactionToken,
          status: 'בוצע זיכוי',
          statusCode: '3',
          sum: tx.sum,
          refundSum: form.refundSum,
          refundedTransactionId: nextTransaction++,
        });
      }
      default:
        // Grow answers an unknown path with HTTP 200 and an error.
        return refuse(res, 404, 'unknown method');
    }
  };

  const fake = await startHttpFake((req, res) => void answer(req, res));
  return {
    ...fake,
    calls,
    processes,
    approved,
    failNext: (status) => void failures.push(status),
    pay(processId, statusCode, status) {
      const process = processes.get(processId)!;
      const tx: FakeTransaction = {
        transactionId: nextTransaction++,
        transactionToken: randomBytes(16).toString('hex'),
        statusCode,
        status,
        sum: process.sum,
        asmachta: '0123456',
        refunded: 0,
      };
      process.transactions.push(tx);
      return tx;
    },
  };
}

/** Grow's callback for a transaction, as it reaches the webhook: urlencoded, parsed flat (express.urlencoded, extended:false). */
function notificationBody(process: FakeProcess, tx: FakeTransaction): Record<string, unknown> {
  const data: Record<string, string> = {
    transactionId: String(tx.transactionId),
    transactionToken: tx.transactionToken,
    transactionTypeId: '1',
    paymentType: '2',
    sum: tx.sum,
    firstPaymentSum: '0',
    periodicalPaymentSum: '0',
    paymentsNum: '0',
    allPaymentsNum: '1',
    paymentDate: '5/3/26',
    asmachta: tx.asmachta,
    description: 'שיעור יוגה',
    fullName: 'דנה כהן',
    payerPhone: '0501234567',
    payerEmail: 'dana@example.co.il',
    cardSuffix: '4580',
    cardType: 'Local',
    cardTypeCode: '1',
    cardBrand: 'Visa',
    cardBrandCode: '3',
    cardExp: '1230',
    status: 'שולם',
    statusCode: tx.statusCode,
    processId: String(process.processId),
    processToken: process.processToken,
  };
  const form = new URLSearchParams({ status: '1', err: '' });
  for (const [name, value] of Object.entries(data)) form.append(`data[${name}]`, value);
  form.append('data[customFields][cField1]', process.cField1);
  return { ...parseUrlencoded(form.toString()) };
}

describe('Grow payment gateway (Light API) at the wire', () => {
  let fake: GrowFake;
  let grow: GrowPaymentGateway;
  const ctx: GatewayContext = { businessId: randomUUID(), credentials: { userId: USER_ID, pageCode: PAGE_CODE } };
  const page = (over: Partial<HostedPageRequest> = {}): HostedPageRequest => ({
    reference: randomUUID(),
    amountAgorot: 12_345,
    currency: 'ILS',
    description: 'שיעור יוגה <פרטי>',
    installments: 1,
    payer: { name: 'דנה כהן', email: 'dana@example.co.il', phone: '+972501234567' },
    successUrl: 'https://shop.example.co.il/ok',
    failureUrl: 'https://shop.example.co.il/failed',
    notifyUrl: 'https://app.example.co.il/api/webhooks/payments/grow/tok_abc',
    ...over,
  });
  const processOf = (gatewayReference: string) => fake.processes.get(Number(gatewayReference.split(':')[0]))!;
  const isGatewayError = (temporary: boolean, code: string | null) => (err: unknown) =>
    err instanceof GatewayError && err.temporary === temporary && err.code === code;

  before(async () => {
    fake = await startGrowFake();
    grow = new GrowPaymentGateway(fake.url);
  });
  after(() => fake.close());

  it('creates the page: multipart POST to createPaymentProcess, shekels with two decimals, our reference in cField1', async () => {
    const request = page();
    const created = await grow.createPage(ctx, request);
    const call = fake.calls.at(-1)!;
    assert.equal(call.request.method, 'POST');
    assert.equal(call.request.path, '/api/light/server/1.0/createPaymentProcess');
    assert.match(call.request.headers['content-type'] ?? '', /^multipart\/form-data; boundary=/);
    assert.deepEqual(call.form, {
      userId: USER_ID,
      pageCode: PAGE_CODE,
      sum: '123.45',
      chargeType: '1',
      successUrl: 'https://shop.example.co.il/ok',
      cancelUrl: 'https://shop.example.co.il/failed',
      notifyUrl: 'https://app.example.co.il/api/webhooks/payments/grow/tok_abc',
      description: 'שיעור יוגה פרטי',
      cField1: request.reference,
      'pageField[fullName]': 'דנה כהן',
      'pageField[phone]': '0501234567',
      'pageField[email]': 'dana@example.co.il',
    });
    const process = [...fake.processes.values()].at(-1)!;
    assert.deepEqual(created, {
      gatewayReference: `${process.processId}:${process.processToken}`,
      url: `https://sandbox.meshulam.co.il/s/${PAGE_CODE}/${process.processId}`,
    });
    assert.ok(created.gatewayReference.length <= 100);
  });

  it('sends installments as paymentNum, the platform apiKey when set, and leaves out a one-word name and a non-mobile phone', async () => {
    const platform: GatewayContext = { businessId: ctx.businessId, credentials: { ...ctx.credentials, apiKey: API_KEY } };
    await grow.createPage(
      platform,
      page({ amountAgorot: 30_000, installments: 3, payer: { name: 'דנה', email: null, phone: '03-5551234' } }),
    );
    const { form } = fake.calls.at(-1)!;
    assert.equal(form.sum, '300.00');
    assert.equal(form.paymentNum, '3');
    assert.equal(form.maxPaymentNum, undefined);
    assert.equal(form.apiKey, API_KEY);
    assert.equal(form['pageField[fullName]'], undefined);
    assert.equal(form['pageField[phone]'], undefined);
    assert.equal(form['pageField[email]'], undefined);
  });

  it("refuses Grow's refusal as final with Grow's code and never repeats the credentials; a foreign currency makes no request", async () => {
    const wrong: GatewayContext = { businessId: ctx.businessId, credentials: { userId: USER_ID, pageCode: 'ffffeeee0000' } };
    await assert.rejects(grow.createPage(wrong, page()), (err: unknown) => {
      assert.ok(isGatewayError(false, '701')(err));
      assert.match((err as Error).message, /Grow createPaymentProcess 701: userId or pageCode \*\*\* are not valid/);
      assert.doesNotMatch((err as Error).message, /ffffeeee0000|4ec1d595ae764243/);
      return true;
    });
    const before = fake.calls.length;
    await assert.rejects(grow.createPage(ctx, page({ currency: 'USD' })), isGatewayError(false, 'currency_unsupported'));
    await assert.rejects(
      grow.createPage({ businessId: ctx.businessId, credentials: {} }, page()),
      isGatewayError(false, 'missing_credentials'),
    );
    assert.equal(fake.calls.length, before, 'nothing sent');
  });

  it('reports 500, 429, a refused connection and a timeout as temporary', async () => {
    fake.failNext(500);
    await assert.rejects(grow.createPage(ctx, page()), isGatewayError(true, 'http_500'));
    fake.failNext(429);
    await assert.rejects(grow.createPage(ctx, page()), isGatewayError(true, 'http_429'));
    const down = new GrowPaymentGateway(`http://127.0.0.1:${await closedPort()}`);
    await assert.rejects(down.createPage(ctx, page()), isGatewayError(true, 'ECONNREFUSED'));
    const silent = await startHttpFake(() => undefined);
    try {
      const slow = new GrowPaymentGateway(silent.url, 200);
      await assert.rejects(slow.query(ctx, '395235:7ebb2d0ce6139d8540b6796ffb514'), isGatewayError(true, 'timeout'));
    } finally {
      await silent.close();
    }
  });

  it('queries the page by processId and processToken: pending until paid, then approved with the amount and our reference', async () => {
    const request = page();
    const created = await grow.createPage(ctx, request);
    const process = processOf(created.gatewayReference);
    assert.deepEqual(await grow.query(ctx, created.gatewayReference, null), {
      status: 'pending',
      transactionId: null,
      amountAgorot: null,
      reference: null,
      reason: null,
      refundData: {},
    });
    const call = fake.calls.at(-1)!;
    assert.equal(call.request.path, '/api/light/server/1.0/getPaymentProcessInfo');
    assert.match(call.request.headers['content-type'] ?? '', /^multipart\/form-data/);
    assert.deepEqual(call.form, { pageCode: PAGE_CODE, processId: String(process.processId), processToken: process.processToken });

    const tx = fake.pay(process.processId, '2', 'שולם');
    assert.deepEqual(await grow.query(ctx, created.gatewayReference, null), {
      status: 'approved',
      transactionId: String(tx.transactionId),
      amountAgorot: 12_345,
      reference: request.reference,
      reason: null,
      refundData: { transactionToken: tx.transactionToken, pageCode: PAGE_CODE },
    });
  });

  it('a denied or cancelled transaction is declined with Grow’s words; a paid retry on the same page wins', async () => {
    const created = await grow.createPage(ctx, page({ amountAgorot: 5_000 }));
    const process = processOf(created.gatewayReference);
    const denied = fake.pay(process.processId, '9', 'נדחה');
    const q = await grow.query(ctx, created.gatewayReference, null);
    assert.deepEqual(q, {
      status: 'declined',
      transactionId: String(denied.transactionId),
      amountAgorot: null,
      reference: process.cField1,
      reason: 'נדחה',
      refundData: {},
    });
    const suspended = await grow.createPage(ctx, page());
    fake.pay(processOf(suspended.gatewayReference).processId, '11', 'עסקה מושהית');
    assert.equal((await grow.query(ctx, suspended.gatewayReference, null)).status, 'pending', 'a suspended (J5) charge is not paid');

    const paid = fake.pay(process.processId, '2', 'שולם');
    const again = await grow.query(ctx, created.gatewayReference, null);
    assert.equal(again.status, 'approved');
    assert.equal(again.transactionId, String(paid.transactionId));
    assert.equal(again.amountAgorot, 5_000);
  });

  it('an unknown process is Grow’s final refusal (730); a handle that is not ours sends nothing', async () => {
    await assert.rejects(grow.query(ctx, '999:0123456789abcdef', null), isGatewayError(false, '730'));
    const before = fake.calls.length;
    for (const bad of ['', 'no-separator', ':token', '12:', '12:tok/../x'])
      await assert.rejects(grow.query(ctx, bad, null), isGatewayError(false, 'bad_reference'));
    assert.equal(fake.calls.length, before);
  });

  it('parses the callback as it arrives (flat data[...] keys) and refuses anything else', async () => {
    const created = await grow.createPage(ctx, page());
    const process = processOf(created.gatewayReference);
    const tx = fake.pay(process.processId, '2', 'שולם');
    const body = notificationBody(process, tx);
    assert.equal(typeof body['data[transactionId]'], 'string', 'flat keys, as express.urlencoded({ extended: false }) gives them');
    const parsed = grow.parseNotification(body);
    assert.equal(parsed?.key, String(tx.transactionId));
    assert.equal(parsed?.gatewayReference, created.gatewayReference);
    assert.equal(parsed?.fields.transactionToken, tx.transactionToken);
    assert.equal(parsed?.fields.sum, '123.45');
    assert.equal(parsed?.fields.cardBrand, 'Visa');
    assert.equal(Object.keys(parsed!.fields).length, 23, 'the fields approveTransaction echoes');

    const without = (key: string) => Object.fromEntries(Object.entries(body).filter(([k]) => k !== key));
    for (const garbage of [
      null,
      'status=1&data[transactionId]=1',
      [],
      {},
      { status: '1', data: { transactionId: String(tx.transactionId), processId: String(process.processId) } },
      without('data[processToken]'),
      without('data[transactionToken]'),
      { ...body, 'data[transactionId]': tx.transactionId },
      { ...body, 'data[sum]': ['123.45'] },
      { ...body, 'data[processId]': '12/../3' },
      { ...body, status: '0' },
      { transactionId: 'sbx_1', pageToken: 'x'.repeat(43) },
    ])
      assert.equal(grow.parseNotification(garbage), null, JSON.stringify(garbage));
  });

  it('acknowledges with approveTransaction, echoing the callback’s fields with the page code', async () => {
    const created = await grow.createPage(ctx, page());
    const process = processOf(created.gatewayReference);
    const tx = fake.pay(process.processId, '2', 'שולם');
    const body = notificationBody(process, tx);
    const notification = grow.parseNotification(body)!;
    const verified = await grow.query(ctx, notification.gatewayReference, notification);
    await grow.acknowledge(ctx, notification, verified);
    const call = fake.calls.at(-1)!;
    assert.equal(call.request.path, '/api/light/server/1.0/approveTransaction');
    assert.match(call.request.headers['content-type'] ?? '', /^multipart\/form-data/);
    const expected: Record<string, string> = { pageCode: PAGE_CODE };
    for (const [key, value] of Object.entries(body)) {
      const name = /^data\[(\w+)\]$/.exec(key)?.[1];
      if (name && name !== 'status' && name !== 'statusCode') expected[name] = String(value);
    }
    assert.deepEqual(call.form, expected);
    assert.deepEqual(fake.approved.at(-1), expected);

    const before = fake.calls.length;
    const other = { ...notification, fields: { ...notification.fields, transactionId: '1' } };
    await assert.rejects(grow.acknowledge(ctx, other, verified), isGatewayError(false, 'not_verified'));
    await assert.rejects(grow.acknowledge(ctx, notification, { ...verified, status: 'pending' }), isGatewayError(false, 'not_verified'));
    assert.equal(fake.calls.length, before, 'nothing approved that was not verified');

    const forged = { ...notification, fields: { ...notification.fields, transactionToken: 'f'.repeat(32) } };
    await assert.rejects(grow.acknowledge(ctx, forged, verified), isGatewayError(false, '716'));
  });

  it('refunds in part and in full with refundSum in shekels; above the original and twice are final refusals', async () => {
    const created = await grow.createPage(ctx, page());
    const process = processOf(created.gatewayReference);
    fake.pay(process.processId, '2', 'שולם');
    const paid = await grow.query(ctx, created.gatewayReference, null);
    const refund = (amountAgorot: number) =>
      grow.refund(ctx, {
        reference: paid.reference!,
        refundReference: randomUUID(),
        gatewayReference: created.gatewayReference,
        transactionId: paid.transactionId!,
        refundData: paid.refundData,
        amountAgorot,
        paidAgorot: 12_345,
        currency: 'ILS',
      });

    const partial = await refund(2_000);
    const call = fake.calls.at(-1)!;
    assert.equal(call.request.path, '/api/light/server/1.0/refundTransaction');
    assert.match(call.request.headers['content-type'] ?? '', /^multipart\/form-data/);
    assert.deepEqual(call.form, {
      userId: USER_ID,
      pageCode: PAGE_CODE,
      transactionId: paid.transactionId,
      transactionToken: paid.refundData.transactionToken,
      refundSum: '20.00',
    });
    assert.match(partial.refundId ?? '', /^\d+$/);

    await assert.rejects(refund(10_346), isGatewayError(false, '105'));
    const rest = await refund(10_345);
    assert.equal(fake.calls.at(-1)!.form.refundSum, '103.45');
    assert.notEqual(rest.refundId, partial.refundId);
    await assert.rejects(refund(1), (err: unknown) => isGatewayError(false, '210')(err) && /already refunded/.test((err as Error).message));
  });

  it('a full refund of a fresh payment sends the whole sum; without the transaction token nothing is sent', async () => {
    const created = await grow.createPage(ctx, page({ amountAgorot: 9_990 }));
    const process = processOf(created.gatewayReference);
    fake.pay(process.processId, '2', 'שולם');
    const paid = await grow.query(ctx, created.gatewayReference, null);
    const request = {
      reference: paid.reference!,
      refundReference: randomUUID(),
      gatewayReference: created.gatewayReference,
      transactionId: paid.transactionId!,
      refundData: paid.refundData,
      amountAgorot: 9_990,
      paidAgorot: 9_990,
      currency: 'ILS',
    };
    const before = fake.calls.length;
    await assert.rejects(grow.refund(ctx, { ...request, refundData: {} }), isGatewayError(false, 'missing_refund_data'));
    assert.equal(fake.calls.length, before);
    const full = await grow.refund(ctx, request);
    assert.equal(fake.calls.at(-1)!.form.refundSum, '99.90');
    assert.ok(full.refundId);
    fake.failNext(503);
    await assert.rejects(grow.refund(ctx, request), isGatewayError(true, 'http_503'));
  });

  it('checks credentials with a read of a process that does not exist: accepted page code → null, refused → the reason', async () => {
    assert.equal(await grow.checkCredentials(ctx), null);
    const call = fake.calls.at(-1)!;
    assert.equal(call.request.path, '/api/light/server/1.0/getPaymentProcessInfo');
    assert.equal(call.form.pageCode, PAGE_CODE);
    const reason = await grow.checkCredentials({ businessId: ctx.businessId, credentials: { userId: USER_ID, pageCode: 'aaaabbbbcccc' } });
    assert.match(reason ?? '', /^Grow getPaymentProcessInfo 701: pageCode \*\*\* is not valid$/);
    const down = new GrowPaymentGateway(`http://127.0.0.1:${await closedPort()}`);
    await assert.rejects(down.checkCredentials(ctx), isGatewayError(true, 'ECONNREFUSED'));
  });

  it('is the driver the app registers for grow, pointed at GROW_API_URL', async () => {
    const t = await startTestApp({ GROW_API_URL: fake.url });
    try {
      const driver = t.app.get<PaymentGateways>(PAYMENT_GATEWAYS).for(PaymentProvider.grow);
      assert.ok(driver instanceof GrowPaymentGateway);
      const created = await driver.createPage(ctx, page());
      assert.equal(fake.calls.at(-1)!.operation, 'createPaymentProcess');
      assert.ok(processOf(created.gatewayReference));
    } finally {
      await t.close();
    }
  });
});
