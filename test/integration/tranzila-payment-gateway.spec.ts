import 'reflect-metadata';
import assert from 'node:assert/strict';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseForm } from 'node:querystring';
import { after, before, beforeEach, describe, it } from 'node:test';
import { PaymentProvider } from '../../src/infra/config/env.schema';
import {
  GatewayError,
  PAYMENT_GATEWAYS,
  type GatewayContext,
  type HostedPageRequest,
  type PaymentGateway,
  type PaymentGateways,
} from '../../src/modules/payments/gateways/payment-gateway.port';
import { TranzilaPaymentGateway } from '../../src/modules/payments/gateways/tranzila/tranzila.payment-gateway';
import { closedPort } from '../support/http-fake';
import { startTestApp } from '../support/test-app';

const TERMINAL = 'chatgrowtst';
const APP_KEY = 'tz-app-key-0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const SECRET = 'tz-secret-9a8b7c6d5e4f30211203f4e5d6c7b8a9';

/** One request as the fake Tranzila got it. */
interface Seen {
  host: 'api' | 'reports';
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: Record<string, unknown> | null;
}

/** A transaction on the fake terminal, as the reports API shows it. */
interface Row {
  index: string;
  amount: string;
  currency: string;
  processor_response_code: string;
  authorization_number: string;
  txn_type: string;
  tranmode: string;
  transaction_date: string;
  refundedAgorot: number;
}

/**
 * A local Tranzila: the REST API host (handshake, credit) and the reports host, each a
 * node:http server speaking the reference's protocol (§3.3–3.6). Every call must carry the
 * four HMAC headers; the fake recomputes the access token from the formula (message: the
 * app key; key: secret + time + nonce) and answers 401 otherwise.
 */
class FakeTranzila {
  readonly seen: Seen[] = [];
  readonly rows = new Map<string, Row>();
  readonly thtks = new Map<string, number>();
  private nextIndex = 41_000;
  private override: { status: number; body: string } | null = null;
  private servers: Server[] = [];
  apiUrl = '';
  reportsUrl = '';

  async start(): Promise<void> {
    this.apiUrl = await this.listen('api');
    this.reportsUrl = await this.listen('reports');
  }

  async close(): Promise<void> {
    await Promise.all(
      this.servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.closeAllConnections();
            s.close(() => resolve());
          }),
      ),
    );
  }

  /** The next call gets this status and raw body. */
  answerNext(status: number, body: unknown): void {
    this.override = { status, body: typeof body === 'string' ? body : JSON.stringify(body) };
  }

  /**
   * A payer paid (or was declined) on the page: the transaction the terminal records and
   * the notify Tranzila posts (form fields, all strings; shaped after real callbacks).
   */
  pay(page: URL, processorCode: string, overrides: Partial<Row> = {}): Record<string, string> {
    const q = Object.fromEntries(page.searchParams);
    assert.ok(this.thtks.has(q.thtk), 'the page carries a handshake token');
    assert.equal(Number(q.sum), this.thtks.get(q.thtk), 'the page sum is the handshake sum');
    const index = String(this.nextIndex++);
    const confirmation = processorCode === '000' ? String(1_000_000 + Number(index)) : '0000000';
    this.rows.set(index, {
      index,
      amount: q.sum,
      currency: q.currency,
      processor_response_code: processorCode,
      authorization_number: confirmation,
      txn_type: 'DEBIT',
      tranmode: q.tranmode,
      transaction_date: new Date().toISOString().slice(0, 10),
      refundedAgorot: 0,
      ...overrides,
    });
    return {
      // The report may still say "shva" (no network answer yet) where the notify already says 000.
      Response: /^\d+$/.test(processorCode) ? processorCode : '000',
      o_tranmode: q.tranmode,
      sum: q.sum,
      currency: q.currency,
      cred_type: q.cred_type,
      lang: q.lang,
      supplier: page.pathname.split('/')[1],
      tranmode: q.tranmode,
      ConfirmationCode: confirmation,
      index,
      Tempref: '01230001',
      cardtype: '2',
      cardissuer: '6',
      cardaquirer: '1',
      expmonth: '08',
      expyear: '29',
      ccno: '',
      contact: q.contact ?? '',
      email: q.email ?? '',
      phone: q.phone ?? '',
      pdesc: q.pdesc,
      remarks: q.remarks,
      notify_url_address: q.notify_url_address,
    };
  }

  private async listen(host: Seen['host']): Promise<string> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        let json: Record<string, unknown> | null = null;
        try {
          json = JSON.parse(body) as Record<string, unknown>;
        } catch {
          json = null;
        }
        const seen: Seen = { host, method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, json };
        this.seen.push(seen);
        this.answer(seen, res);
      });
    });
    this.servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  private answer(req: Seen, res: ServerResponse): void {
    if (this.override) {
      const { status, body } = this.override;
      this.override = null;
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
      return;
    }
    if (!signedRight(req.headers)) return send(res, 401, { error_code: 401, message: 'Unauthorized: access token mismatch' });
    if (req.method !== 'POST' || !/^application\/json/.test(req.headers['content-type'] ?? '') || !req.json)
      return send(res, 400, { error_code: 20004, message: 'Json does not match validation schema' });
    const body = req.json;
    if (body.terminal_name !== TERMINAL) return send(res, 200, { error_code: 20001, message: 'Terminal not found or not authorized' });
    const route = `${req.host} ${req.path}`;
    if (route === 'api /v2/handshake/create') {
      if (typeof body.sum !== 'number' || body.sum <= 0)
        return send(res, 200, { error_code: 20004, message: 'Json does not match validation schema' });
      const thtk = `t${randomBytes(16).toString('hex')}`;
      this.thtks.set(thtk, body.sum);
      return send(res, 200, { error_code: 0, message: 'Success', thtk });
    }
    if (route === 'reports /v1/transaction') {
      if (typeof body.transaction_index === 'number') {
        const row = this.rows.get(String(body.transaction_index));
        const rows = row ? [publicRow(row)] : [];
        return send(res, 200, { transactions: rows, total: rows.length, rows: rows.length });
      }
      const [from, to] = [body.transaction_start_date, body.transaction_end_date];
      if (typeof from === 'string' && typeof to === 'string') {
        const rows = [...this.rows.values()].filter((r) => r.transaction_date >= from && r.transaction_date <= to).map(publicRow);
        return send(res, 200, { transactions: rows, total: rows.length, rows: rows.length });
      }
      return send(res, 200, { error_code: 20004, message: 'Json does not match validation schema' });
    }
    if (route === 'api /v1/transaction/credit_card/create') return this.credit(body, res);
    return send(res, 404, { error_code: 404, message: 'Not found' });
  }

  /** txn_type credit against reference_txn_id: bounded by what is left, the authorisation number must match. */
  private credit(body: Record<string, unknown>, res: ServerResponse): void {
    const items = body.items as { unit_price: number; units_number: number; currency_code: string }[] | undefined;
    if (body.txn_type !== 'credit' || typeof body.reference_txn_id !== 'number' || !Array.isArray(items) || items.length === 0)
      return send(res, 200, { error_code: 20004, message: 'Json does not match validation schema' });
    const original = this.rows.get(String(body.reference_txn_id));
    const agorot = Math.round(items.reduce((sum, i) => sum + i.unit_price * i.units_number, 0) * 100);
    const result = (code: string, id: string | null) => ({
      processor_response_code: code,
      transaction_id: id,
      auth_number: id ? '0000000' : null,
      currency_code: 'ILS',
      amount: agorot / 100,
      txn_type: 'credit',
    });
    if (!original || original.processor_response_code !== '000')
      return send(res, 400, { error_code: 23001, message: 'reference transaction not found', transaction_result: result('002', null) });
    if (body.authorization_number !== original.authorization_number)
      return send(res, 200, { error_code: 0, message: 'Transaction declined', transaction_result: result('004', null) });
    if (original.refundedAgorot + agorot > Math.round(Number(original.amount) * 100))
      return send(res, 400, {
        error_code: 23002,
        message: 'sum is larger than the original debit transaction',
        transaction_result: result('002', null),
      });
    original.refundedAgorot += agorot;
    const index = String(this.nextIndex++);
    this.rows.set(index, {
      ...original,
      index,
      amount: (agorot / 100).toFixed(2),
      txn_type: '',
      tranmode: `C${original.index}`,
      authorization_number: '0000000',
      refundedAgorot: 0,
    });
    return send(res, 200, { error_code: 0, message: 'Transaction approved', transaction_result: result('000', index) });
  }
}

function publicRow(row: Row): Omit<Row, 'refundedAgorot'> {
  const { refundedAgorot: _, ...rest } = row;
  return rest;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) }).end(text);
}

/** The reference's formula, recomputed here: HMAC-SHA256, key secret + time + nonce, message the app key, hex. */
function expectedToken(appKey: string, secret: string, time: string, nonce: string): string {
  return createHmac('sha256', `${secret}${time}${nonce}`).update(appKey, 'utf8').digest('hex');
}

function signedRight(h: IncomingHttpHeaders): boolean {
  const appKey = h['x-tranzila-api-app-key'];
  const time = h['x-tranzila-api-request-time'];
  const nonce = h['x-tranzila-api-nonce'];
  const token = h['x-tranzila-api-access-token'];
  if (typeof appKey !== 'string' || typeof time !== 'string' || typeof nonce !== 'string' || typeof token !== 'string') return false;
  if (appKey !== APP_KEY || !/^\d{10}$/.test(time) || Math.abs(Number(time) - Date.now() / 1000) > 300) return false;
  return token === expectedToken(APP_KEY, SECRET, time, nonce);
}

/** Asserts the four headers by the formula, the time in seconds, the nonce 80 hex characters. */
function assertSigned(req: Seen): void {
  const h = req.headers;
  assert.equal(h['x-tranzila-api-app-key'], APP_KEY);
  const time = String(h['x-tranzila-api-request-time']);
  assert.match(time, /^\d{10}$/, 'Unix seconds');
  assert.ok(Math.abs(Number(time) - Date.now() / 1000) < 60);
  const nonce = String(h['x-tranzila-api-nonce']);
  assert.match(nonce, /^[0-9a-f]{80}$/);
  assert.equal(h['x-tranzila-api-access-token'], expectedToken(APP_KEY, SECRET, time, nonce));
  assert.notEqual(h['x-tranzila-api-access-token'], createHmac('sha256', APP_KEY).update(`${SECRET}${time}${nonce}`).digest('hex'));
  assert.match(h['content-type'] ?? '', /^application\/json/);
}

const ctx = (credentials: Record<string, string> = { terminalName: TERMINAL, appKey: APP_KEY, secret: SECRET }): GatewayContext => ({
  businessId: randomUUID(),
  credentials,
});

const pageRequest = (over: Partial<HostedPageRequest> = {}): HostedPageRequest => ({
  reference: randomUUID(),
  amountAgorot: 12_345,
  currency: 'ILS',
  description: 'שיעור יוגה',
  installments: 1,
  payer: { name: 'דנה כהן', email: 'dana@example.co.il', phone: '+972501234567' },
  successUrl: 'https://shop.example.co.il/ok',
  failureUrl: 'https://shop.example.co.il/failed',
  notifyUrl: 'https://app.example.co.il/api/webhooks/payments/tranzila/tok123',
  ...over,
});

const isGatewayError = (temporary: boolean, code?: string | RegExp) => (err: unknown) => {
  assert.ok(err instanceof GatewayError, `a GatewayError, not ${String(err)}`);
  assert.equal(err.temporary, temporary, `temporary=${temporary}: ${err.message}`);
  if (typeof code === 'string') assert.equal(err.code, code, err.message);
  if (code instanceof RegExp) assert.match(err.code ?? '', code, err.message);
  assert.ok(!err.message.includes(SECRET), 'the secret is never in a message');
  return true;
};

describe('Tranzila payment gateway at the wire', () => {
  const fake = new FakeTranzila();
  let tranzila: TranzilaPaymentGateway;
  const pageUrl = 'https://direct.tranzila.test';
  before(async () => {
    await fake.start();
    tranzila = new TranzilaPaymentGateway({ apiUrl: fake.apiUrl, reportsUrl: `${fake.reportsUrl}/`, pageUrl, timeoutMs: 2_000 });
  });
  after(() => fake.close());
  let mark = 0;
  beforeEach(() => {
    mark = fake.seen.length;
  });
  const sent = () => fake.seen.slice(mark);

  /** A page created and paid with Shva's answer `code`: the page, its request and the notify body. */
  async function paid(code: string, over: Partial<HostedPageRequest> = {}, row: Parameters<FakeTranzila['pay']>[2] = {}) {
    const request = pageRequest(over);
    const page = await tranzila.createPage(ctx(), request);
    const notify = fake.pay(new URL(page.url), code, row);
    return { request, page, notify };
  }

  it('creates the page: a signed JSON handshake locking 123.45, then the iframe URL with the token and our fields', async () => {
    const request = pageRequest();
    const page = await tranzila.createPage(ctx(), request);
    const calls = sent();
    assert.equal(calls.length, 1);
    const [hs] = calls;
    assert.deepEqual([hs.host, hs.method, hs.path], ['api', 'POST', '/v2/handshake/create']);
    assertSigned(hs);
    assert.deepEqual(hs.json, { terminal_name: TERMINAL, sum: 123.45 });
    assert.match(hs.body, /"sum":123\.45[,}]/, 'the sum is a JSON number, not a string');

    assert.equal(page.gatewayReference, request.reference);
    const url = new URL(page.url);
    assert.equal(`${url.origin}${url.pathname}`, `${pageUrl}/${TERMINAL}/iframenew.php`);
    const thtk = [...fake.thtks.keys()].at(-1)!;
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      sum: '123.45',
      currency: '1',
      cred_type: '1',
      tranmode: 'A',
      thtk,
      lang: 'il',
      success_url_address: 'https://shop.example.co.il/ok',
      fail_url_address: 'https://shop.example.co.il/failed',
      notify_url_address: 'https://app.example.co.il/api/webhooks/payments/tranzila/tok123',
      pdesc: 'שיעור יוגה',
      contact: 'דנה כהן',
      email: 'dana@example.co.il',
      phone: '+972501234567',
      remarks: request.reference,
    });
    assert.equal(url.searchParams.has('json_purchase_data'), false, 'no product lines: Tranzila issues no document');
  });

  it('offers installments up to the number asked (cred_type 8, maxpay), in dollars when the payment is', async () => {
    const page = await tranzila.createPage(
      ctx(),
      pageRequest({ amountAgorot: 100_000, currency: 'USD', installments: 3, payer: { name: 'Dana', email: null, phone: null } }),
    );
    assert.deepEqual(sent()[0].json, { terminal_name: TERMINAL, sum: 1000 });
    const q = new URL(page.url).searchParams;
    assert.deepEqual([q.get('sum'), q.get('currency'), q.get('cred_type'), q.get('maxpay')], ['1000.00', '2', '8', '3']);
    assert.equal(q.has('email'), false);
    assert.equal(q.has('phone'), false);
  });

  it("turns the gateway's refusals of the handshake into final errors with its code", async () => {
    await assert.rejects(
      tranzila.createPage(ctx({ terminalName: 'someoneelse', appKey: APP_KEY, secret: SECRET }), pageRequest()),
      isGatewayError(false, '20001'),
    );
    await assert.rejects(
      tranzila.createPage(ctx({ terminalName: TERMINAL, appKey: APP_KEY, secret: 'wrong-secret' }), pageRequest()),
      isGatewayError(false, '401'),
    );
    fake.answerNext(200, { error_code: 0, message: 'Success' });
    await assert.rejects(tranzila.createPage(ctx(), pageRequest()), isGatewayError(false, 'no_thtk'));
    const before = fake.seen.length;
    await assert.rejects(tranzila.createPage(ctx(), pageRequest({ currency: 'JPY' })), isGatewayError(false, 'currency'));
    await assert.rejects(tranzila.createPage(ctx({ terminalName: TERMINAL }), pageRequest()), isGatewayError(false, 'credentials_missing'));
    assert.equal(fake.seen.length, before, 'nothing is sent for a currency Tranzila does not take or missing credentials');
  });

  it('reports 500, 429, a refused connection and a timeout as temporary', async () => {
    fake.answerNext(500, '<html>Internal Server Error</html>');
    await assert.rejects(tranzila.createPage(ctx(), pageRequest()), isGatewayError(true, 'http_500'));
    fake.answerNext(429, { error_code: 429, message: 'Too many requests' });
    await assert.rejects(tranzila.createPage(ctx(), pageRequest()), isGatewayError(true, '429'));
    const down = new TranzilaPaymentGateway({ apiUrl: `http://127.0.0.1:${await closedPort()}`, reportsUrl: fake.reportsUrl, pageUrl });
    await assert.rejects(down.createPage(ctx(), pageRequest()), isGatewayError(true, 'ECONNREFUSED'));
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const slow = new TranzilaPaymentGateway({
        apiUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
        reportsUrl: fake.reportsUrl,
        pageUrl,
        timeoutMs: 200,
      });
      await assert.rejects(slow.createPage(ctx(), pageRequest()), isGatewayError(true, 'timeout'));
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('parses the notify form and verifies by asking the reports API for the index: approved, 123.45 → 12345 agorot, our reference', async () => {
    const { request, notify } = await paid('000');
    // As the webhook gets it: the form body through express.urlencoded({ extended: false }), a flat map.
    const n = tranzila.parseNotification(parseForm(new URLSearchParams(notify).toString()));
    assert.deepEqual(n, {
      key: `${TERMINAL}:${notify.index}`,
      gatewayReference: request.reference,
      fields: { index: notify.index, terminal: TERMINAL, reference: request.reference, response: '000' },
    });
    mark = fake.seen.length;
    const q = await tranzila.query(ctx(), n!.gatewayReference, n);
    const [call] = sent();
    assert.deepEqual([call.host, call.method, call.path], ['reports', 'POST', '/v1/transaction']);
    assertSigned(call);
    assert.deepEqual(call.json, { terminal_name: TERMINAL, transaction_index: Number(notify.index) });
    assert.deepEqual(q, {
      status: 'approved',
      transactionId: notify.index,
      amountAgorot: 12_345,
      reference: request.reference,
      reason: null,
      refundData: { authorizationNumber: notify.ConfirmationCode },
    });
  });

  it('says declined with Shva’s code, pending while Shva has not answered, and never believes the notify’s own Response', async () => {
    const declined = await paid('004');
    const d = await tranzila.query(ctx(), declined.request.reference, tranzila.parseNotification(declined.notify));
    assert.equal(d.status, 'declined');
    assert.equal(d.amountAgorot, null);
    assert.equal(d.reason, 'Tranzila 004: refused');

    const waiting = await paid('shva');
    assert.equal(waiting.notify.Response, '000');
    const w = await tranzila.query(ctx(), waiting.request.reference, tranzila.parseNotification(waiting.notify));
    assert.deepEqual([w.status, w.amountAgorot], ['pending', null]);

    const lying = await paid('033');
    const l = await tranzila.query(ctx(), lying.request.reference, tranzila.parseNotification({ ...lying.notify, Response: '000' }));
    assert.deepEqual([l.status, l.reason], ['declined', 'Tranzila 033: defective card']);

    mark = fake.seen.length;
    const elsewhere = await tranzila.query(
      ctx(),
      waiting.request.reference,
      tranzila.parseNotification({ ...waiting.notify, supplier: 'other' }),
    );
    assert.deepEqual([elsewhere.status, sent().length], ['pending', 0], "another terminal's index is not asked of ours");

    const unknown = tranzila.parseNotification({ ...waiting.notify, index: '999999' });
    const u = await tranzila.query(ctx(), waiting.request.reference, unknown);
    assert.equal(u.status, 'pending');
    assert.match(u.reason ?? '', /no transaction 999999/);
  });

  it('without a notification there is no index to ask by: pending, and nothing is sent', async () => {
    const q = await tranzila.query(ctx(), randomUUID(), null);
    assert.equal(q.status, 'pending');
    assert.equal(q.transactionId, null);
    assert.equal(sent().length, 0);
  });

  it('asks for no acknowledgement: acknowledge sends nothing', async () => {
    const { notify } = await paid('000');
    const n = tranzila.parseNotification(notify)!;
    const q = await tranzila.query(ctx(), n.gatewayReference, n);
    mark = fake.seen.length;
    const port: PaymentGateway = tranzila;
    await port.acknowledge(ctx(), n, q);
    assert.equal(sent().length, 0);
  });

  it('refunds part, then the rest, by a signed REST credit with the amount in shekels; more than is left is refused', async () => {
    const { request, notify } = await paid('000');
    const n = tranzila.parseNotification(notify)!;
    const q = await tranzila.query(ctx(), n.gatewayReference, n);
    const refund = (amountAgorot: number) =>
      tranzila.refund(ctx(), {
        reference: request.reference,
        refundReference: randomUUID(),
        gatewayReference: n.gatewayReference,
        transactionId: q.transactionId!,
        refundData: q.refundData,
        amountAgorot,
        paidAgorot: 12_345,
        currency: 'ILS',
      });

    mark = fake.seen.length;
    const part = await refund(5_000);
    const [call] = sent();
    assert.deepEqual([call.host, call.method, call.path], ['api', 'POST', '/v1/transaction/credit_card/create']);
    assertSigned(call);
    assert.deepEqual(call.json, {
      terminal_name: TERMINAL,
      txn_type: 'credit',
      reference_txn_id: Number(notify.index),
      authorization_number: notify.ConfirmationCode,
      items: [{ name: 'זיכוי', type: 'I', unit_price: 50, units_number: 1, currency_code: 'ILS' }],
    });
    assert.match(part.refundId ?? '', /^\d+$/);

    mark = fake.seen.length;
    await refund(7_345);
    assert.equal((sent()[0].json!.items as { unit_price: number }[])[0].unit_price, 73.45);

    await assert.rejects(refund(1), isGatewayError(false, '23002'));

    const credit = tranzila.parseNotification({ ...notify, index: part.refundId! });
    const c = await tranzila.query(ctx(), n.gatewayReference, credit);
    assert.equal(c.status, 'declined', "a credit's index is never a payment");
  });

  it('refunds in full in one credit; a declined credit and a wrong index are final, a 503 temporary', async () => {
    const { request, notify } = await paid('000', { amountAgorot: 9_990 });
    const base = {
      reference: request.reference,
      refundReference: randomUUID(),
      gatewayReference: request.reference,
      transactionId: notify.index,
      refundData: { authorizationNumber: notify.ConfirmationCode },
      amountAgorot: 9_990,
      paidAgorot: 9_990,
      currency: 'ILS',
    };
    await assert.rejects(tranzila.refund(ctx(), { ...base, refundData: { authorizationNumber: '7654321' } }), isGatewayError(false, '004'));
    await assert.rejects(tranzila.refund(ctx(), { ...base, transactionId: '123' }), isGatewayError(false, '23001'));
    await assert.rejects(tranzila.refund(ctx(), { ...base, transactionId: 'abc' }), isGatewayError(false, 'transaction_id'));
    fake.answerNext(503, { error_code: 503, message: 'Service unavailable' });
    await assert.rejects(tranzila.refund(ctx(), base), isGatewayError(true, '503'));
    mark = fake.seen.length;
    const full = await tranzila.refund(ctx(), base);
    assert.equal((sent()[0].json!.items as { unit_price: number }[])[0].unit_price, 99.9);
    assert.ok(full.refundId);
  });

  it('takes only its own notify form: garbage, missing or malformed fields and nested values are not one', () => {
    const good = {
      Response: '000',
      index: '52',
      supplier: TERMINAL,
      remarks: 'a1b2c3d4-0000-4000-8000-000000000001',
      sum: '123.45',
      ConfirmationCode: '0123456',
    };
    assert.equal(tranzila.parseNotification(good)?.key, `${TERMINAL}:52`);
    for (const body of [
      null,
      undefined,
      'Response=000&index=52',
      42,
      [],
      [good],
      {},
      { ...good, index: undefined },
      { ...good, index: ['52', '53'] },
      { ...good, index: 52 },
      { ...good, index: '52abc' },
      { ...good, index: '1234567890123456' },
      { ...good, supplier: undefined },
      { ...good, supplier: 'bad terminal!' },
      { ...good, remarks: undefined },
      { ...good, remarks: '../../etc/passwd' },
      { ...good, remarks: { id: '1' } },
      { ...good, Response: undefined },
      { ...good, Response: 'ok' },
      { transactionId: 'sbx_123', pageToken: 'x'.repeat(43) },
      { 'data[transactionId]': '52' },
    ])
      assert.equal(tranzila.parseNotification(body), null, JSON.stringify(body));
  });

  it("checks credentials with a read of today's transactions: null when they work, Tranzila's reason when not", async () => {
    assert.equal(await tranzila.checkCredentials(ctx()), null);
    const [call] = sent();
    assert.deepEqual([call.host, call.method, call.path], ['reports', 'POST', '/v1/transaction']);
    assertSigned(call);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jerusalem' }).format(new Date());
    assert.deepEqual(call.json, { terminal_name: TERMINAL, transaction_start_date: today, transaction_end_date: today });

    const wrongSecret = await tranzila.checkCredentials(ctx({ terminalName: TERMINAL, appKey: APP_KEY, secret: 'not-the-secret' }));
    assert.match(wrongSecret ?? '', /refused the credentials \(401\)/);
    assert.ok(!wrongSecret!.includes('not-the-secret'));
    const wrongKey = await tranzila.checkCredentials(ctx({ terminalName: TERMINAL, appKey: 'other-key', secret: SECRET }));
    assert.match(wrongKey ?? '', /401/);
    assert.match(
      (await tranzila.checkCredentials(ctx({ terminalName: 'someoneelse', appKey: APP_KEY, secret: SECRET }))) ?? '',
      /Terminal not found/,
    );
    assert.match((await tranzila.checkCredentials(ctx({ terminalName: TERMINAL, appKey: APP_KEY }))) ?? '', /needs secret/);
    const down = new TranzilaPaymentGateway({ apiUrl: fake.apiUrl, reportsUrl: `http://127.0.0.1:${await closedPort()}`, pageUrl });
    await assert.rejects(down.checkCredentials(ctx()), isGatewayError(true, 'ECONNREFUSED'));
  });

  it('is the tranzila driver the app registers, on the configured hosts', async () => {
    const t = await startTestApp({
      TRANZILA_API_URL: fake.apiUrl,
      TRANZILA_REPORTS_URL: fake.reportsUrl,
      TRANZILA_PAGE_URL: 'https://pay.tranzila.test/',
    });
    try {
      const driver = t.app.get<PaymentGateways>(PAYMENT_GATEWAYS).for(PaymentProvider.tranzila);
      assert.ok(driver instanceof TranzilaPaymentGateway);
      const page = await driver.createPage(ctx(), pageRequest());
      assert.ok(page.url.startsWith(`https://pay.tranzila.test/${TERMINAL}/iframenew.php?`));
      assert.equal(fake.seen.at(-1)!.path, '/v2/handshake/create');
    } finally {
      await t.close();
    }
  });
});
