import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectProblem, newBusiness, type TestBusiness } from '../support/factories';
import { type ItaFake, startItaFake } from '../support/ita-fake';
import { pdfText, savePdf } from '../support/pdf-read';
import { startTestApp, type TestApp } from '../support/test-app';

/** ALLOCATION_DRIVER=ita, the whole app over HTTP against a local fake of the Tax Authority's API. */
describe('invoices: allocation numbers from the Tax Authority (ita driver)', () => {
  let t: TestApp;
  let ita: ItaFake;
  let owner: TestBusiness;
  let customerId: string;
  const big = () => ({
    customerId,
    customerName: 'חברת הדוגמה בע"מ',
    customerTaxId: '777777723',
    lines: [{ description: 'פרויקט שיווק', quantity: 1, unitPriceAgorot: 3_000_000 }],
  });

  before(async () => {
    ita = await startItaFake({ accessTokens: ['business-token'], refreshTokens: ['business-refresh'] });
    t = await startTestApp({
      ALLOCATION_DRIVER: 'ita',
      ITA_API_URL: `${ita.url}/shaam/tsandbox`,
      ITA_TOKEN_URL: `${ita.url}/shaam/tsandbox/longtimetoken/oauth2/token`,
      ITA_CLIENT_ID: 'chatgrow-test',
      ITA_CLIENT_SECRET: 'secret',
      ITA_SOFTWARE_NUMBER: '123456',
    });
    owner = await newBusiness(t.http);
    await t.http.patch('/api/invoices/settings').set(owner.auth).send({ taxId: '777777715', legalName: 'סטודיו דנה בע"מ' }).expect(200);
    customerId = (await t.http.post('/api/customers').set(owner.auth).send({ firstName: 'אבי', phone: '+972521234567' })).body.id;
  });
  after(async () => {
    await t?.close();
    await ita?.close();
  });

  it('refuses while the business has not connected its Tax Authority account, issuing nothing', async () => {
    const problem = expectProblem(await t.http.post('/api/invoices').set(owner.auth).send(big()), 422);
    assert.equal(problem.code, 'invoice.allocation_refused');
    assert.match(String(problem.detail), /not_connected/);
    assert.equal((await t.http.get('/api/invoices').set(owner.auth)).body.meta.total, 0);
  });

  it('obtains the number with the business token (refreshing an expired one), stores it and prints its 9 right-most digits', async () => {
    await t.http
      .put('/api/invoices/settings/allocation')
      .set(owner.auth)
      .send({ accessToken: 'expired-token', refreshToken: 'business-refresh', expiresIn: 600 })
      .expect(204);
    const settings = await t.http.get('/api/invoices/settings').set(owner.auth);
    assert.deepEqual([settings.body.allocationDriver, settings.body.allocationConnected], ['ita', true]);
    assert.ok(!JSON.stringify(settings.body).includes('business-refresh'), 'tokens are never shown');

    const res = await t.http.post('/api/invoices').set(owner.auth).send(big());
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const approved = ita.approved.at(-1)!;
    assert.equal(res.body.number, 1);
    assert.equal(res.body.allocationNumber, approved.confirmationNumber);
    assert.equal(res.body.allocationNumberPrinted, approved.confirmationNumber.slice(-9));
    assert.equal(approved.body.Invoice_ID, '1');
    assert.equal(approved.body.Vat_Number, 777777715);
    assert.equal(approved.body.Customer_VAT_Number, 777777723);
    assert.equal(approved.body.Payment_Amount, 30_000);
    assert.equal(approved.body.VAT_Amount, 5_400);
    assert.match(String(approved.request.headers.authorization), /^Bearer ita-access-/, 'the refreshed token');

    const pdf = await t.http
      .get(`/api/invoices/${res.body.id}/pdf`)
      .set(owner.auth)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    const text = pdfText(savePdf(pdf.body as Buffer, 'invoices-e2e', 'allocation-ita'));
    assert.ok(text.includes(approved.confirmationNumber.slice(-9)), text);
    assert.ok(!text.includes(approved.confirmationNumber), 'only the 9 right-most digits are printed');

    const second = await t.http.post('/api/invoices').set(owner.auth).send(big());
    assert.equal(second.status, 201, 'the refreshed tokens were stored');
    assert.equal(second.body.number, 2);
  });

  it('does not issue when the Authority answers an error, says why, and leaves no gap', async () => {
    ita.refuseNext(460, 'Invoice suspected: supplier or customer under review');
    const problem = expectProblem(await t.http.post('/api/invoices').set(owner.auth).send(big()), 422);
    assert.equal(problem.code, 'invoice.allocation_refused');
    assert.match(String(problem.detail), /460: Invoice suspected/);
    const list = await t.http.get('/api/invoices').set(owner.auth);
    assert.equal(list.body.meta.total, 2);
    const next = await t.http.post('/api/invoices').set(owner.auth).send(big());
    assert.equal(next.status, 201);
    assert.equal(next.body.number, 3, 'the refused document gave its number back');
    const small = await t.http
      .post('/api/invoices')
      .set(owner.auth)
      .send({ ...big(), lines: [{ description: 'קטן', quantity: 1, unitPriceAgorot: 100_000 }] });
    assert.equal(small.body.allocationNumber, null, 'below the threshold no number is asked for');
  });
});
