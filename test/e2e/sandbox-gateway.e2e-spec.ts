import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newBusiness, type TestBusiness } from '../support/factories';
import { type HttpFake, sendJson, startHttpFake } from '../support/http-fake';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The sandbox gateway's hosted page over HTTP: PUBLIC_URL points at a local
 * server standing in for our webhook, so the notification the page sends can
 * be read as it left.
 */
describe('sandbox gateway: the hosted page', () => {
  let t: TestApp;
  let webhook: HttpFake;
  let owner: TestBusiness;
  let customerId: string;

  before(async () => {
    webhook = await startHttpFake((_req, res) => sendJson(res, 200, { received: true }));
    t = await startTestApp({ PUBLIC_URL: webhook.url });
    owner = await newBusiness(t.http);
    customerId = (await t.http.post('/api/customers').set(owner.auth).send({ firstName: 'אבי', phone: '+972521234567' }).expect(201)).body
      .id;
  });
  after(async () => {
    try {
      await t?.close();
    } finally {
      await webhook?.close();
    }
  });

  const newPayment = async () => {
    const res = await t.http
      .post('/api/payments')
      .set(owner.auth)
      .send({
        customerId,
        amount: 12_345,
        description: 'שיעור <יוגה>',
        successUrl: 'https://shop.example.co.il/ok',
        failureUrl: 'https://shop.example.co.il/no',
      })
      .expect(201);
    return { id: res.body.id as string, path: new URL(res.body.pageUrl).pathname };
  };

  it('serves a Hebrew, right-to-left card form with the amount, escaping what the business wrote', async () => {
    const { path } = await newPayment();
    const page = await t.http.get(path).expect(200);
    assert.match(page.headers['content-type'], /^text\/html/);
    assert.match(page.text, /<html lang="he" dir="rtl">/);
    assert.match(page.text, /name="cardNumber"/);
    assert.match(page.text, /123\.45/);
    assert.ok(page.text.includes('שיעור &lt;יוגה&gt;') && !page.text.includes('<יוגה>'));
    assert.equal((await t.http.get('/sandbox/pay/' + 'x'.repeat(43))).status, 404);
    assert.equal(
      (
        await t.http
          .post('/sandbox/pay/' + 'x'.repeat(43))
          .type('form')
          .send({ cardNumber: '4580000000000000' })
      ).status,
      404,
    );
  });

  it('the approving card notifies the webhook (JSON, unsigned) and redirects to the success URL, once', async () => {
    const { path } = await newPayment();
    const before = webhook.requests.length;
    const res = await t.http.post(path).type('form').send({ cardNumber: '4580 0000 0000 0000', expiry: '12/30', cvv: '123' }).expect(303);
    assert.equal(res.headers.location, 'https://shop.example.co.il/ok');
    const sent = webhook.requests.slice(before);
    assert.equal(sent.length, 1);
    assert.match(sent[0].path, /^\/api\/webhooks\/payments\/sandbox\/[A-Za-z0-9_-]{43}$/);
    assert.match(String(sent[0].headers['content-type']), /application\/json/);
    const body = JSON.parse(sent[0].body);
    assert.match(body.transactionId, /^sbx_/);
    assert.equal(body.pageToken, path.split('/').pop());
    assert.ok(!sent[0].body.includes('4580'), 'no card number leaves the page');

    const again = await t.http.post(path).type('form').send({ cardNumber: '4000000000000002' }).expect(303);
    assert.equal(again.headers.location, 'https://shop.example.co.il/ok', 'a paid page stays paid');
    assert.equal(webhook.requests.length, before + 1, 'and notifies nothing new');
    assert.match((await t.http.get(path).expect(200)).text, /בוצע/);
  });

  it('the declining and insufficient-funds cards redirect to the failure URL', async () => {
    for (const card of ['4000000000000002', '4000000000009995']) {
      const { path } = await newPayment();
      const res = await t.http.post(path).type('form').send({ cardNumber: card }).expect(303);
      assert.equal(res.headers.location, 'https://shop.example.co.il/no');
    }
  });

  it('refuses a malformed card number and a JSON body', async () => {
    const { path } = await newPayment();
    assert.equal((await t.http.post(path).type('form').send({ cardNumber: 'abc' })).status, 400);
    assert.equal((await t.http.post(path).send({ cardNumber: '4580000000000000' })).status, 415);
  });
});
