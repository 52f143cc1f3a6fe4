import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type AllocationRequest, AllocationUnavailableError, ItaDocumentType } from '../../src/infra/allocation/allocation.port';
import { ItaAllocationProvider } from '../../src/infra/allocation/ita.allocation-provider';
import { closedPort } from '../support/http-fake';
import { type ItaFake, startItaFake } from '../support/ita-fake';

const request = (over: Partial<AllocationRequest> = {}): AllocationRequest => ({
  documentId: '3f1c2a1e-8d2b-4b8e-9a51-0c6f1f2b7a10',
  documentNumber: 17,
  documentType: ItaDocumentType.taxInvoice,
  vatNumber: '777777715',
  customerVatNumber: '777777723',
  customerName: 'חברת הדוגמה לשיווק ופרסום בע"מ',
  documentDate: '2026-11-28',
  issuedAt: new Date('2026-11-28T10:00:00Z'),
  amountBeforeDiscountAgorot: 1_200_000,
  discountAgorot: 0,
  netAgorot: 1_200_000,
  vatAgorot: 216_000,
  totalAgorot: 1_416_000,
  vatRateBp: 1800,
  items: [
    {
      description: 'ייעוץ עסקי – חבילה שנתית מורחבת',
      quantity: '1',
      unitPriceAgorot: 1_200_000,
      discountAgorot: 0,
      totalAgorot: 1_200_000,
      vatAgorot: 216_000,
    },
  ],
  remarks: null,
  ...over,
});

describe('ALLOCATION_DRIVER=ita against a local fake of the Tax Authority API', () => {
  let fake: ItaFake;
  let ita: ItaAllocationProvider;
  before(async () => {
    fake = await startItaFake({ accessTokens: ['good-token'], refreshTokens: ['refresh-1'] });
    ita = new ItaAllocationProvider({
      apiUrl: `${fake.url}/shaam/tsandbox`,
      tokenUrl: `${fake.url}/shaam/tsandbox/longtimetoken/oauth2/token`,
      clientId: 'client',
      clientSecret: 'secret',
      softwareNumber: '123456',
    });
  });
  after(() => fake.close());

  it('obtains a confirmation number with the bearer token, sending the published fields', async () => {
    const { outcome, refreshed } = await ita.request(request(), { accessToken: 'good-token', refreshToken: null, expiresAt: null });
    assert.equal(outcome.kind, 'approved');
    assert.match(outcome.kind === 'approved' ? outcome.confirmationNumber : '', /^\d{26}$/);
    assert.equal(refreshed, undefined);
    const sent = fake.approved.at(-1)!;
    assert.equal(sent.request.headers.authorization, 'Bearer good-token');
    assert.equal(sent.body.Invoice_Type, 305);
    assert.equal(sent.body.Payment_Amount, 12000);
    assert.equal(sent.body.VAT_Amount, 2160);
    assert.equal([...String(sent.body.Customer_Name)].length, 25, 'names are clipped to the API limit');
  });

  it('returns an error answer as a refusal with the Authority’s code and message', async () => {
    fake.refuseNext(460, 'Invoice suspected: supplier or customer under review');
    const { outcome } = await ita.request(request(), { accessToken: 'good-token', refreshToken: null, expiresAt: null });
    assert.deepEqual(outcome, { kind: 'refused', code: '460', message: 'Invoice suspected: supplier or customer under review' });
    const bad = await ita.request(request({ customerVatNumber: '12345' }), {
      accessToken: 'good-token',
      refreshToken: null,
      expiresAt: null,
    });
    assert.deepEqual(bad.outcome, { kind: 'refused', code: '432', message: 'Customer VAT Number is incorrect' });
  });

  it('refreshes an expired token once (refresh grant) and hands the new tokens back', async () => {
    const { outcome, refreshed } = await ita.request(request(), { accessToken: 'expired', refreshToken: 'refresh-1', expiresAt: null });
    assert.equal(outcome.kind, 'approved');
    assert.ok(refreshed?.accessToken.startsWith('ita-access-'));
    assert.ok(refreshed?.expiresAt && refreshed.expiresAt > new Date());
    const again = await ita.request(request(), { accessToken: 'expired', refreshToken: 'refresh-1', expiresAt: null });
    assert.deepEqual(again.outcome.kind, 'refused', 'a used refresh token is refused: the business must authorise again');
  });

  it('says the Authority is unavailable when nothing answers', async () => {
    const down = new ItaAllocationProvider({
      apiUrl: `http://127.0.0.1:${await closedPort()}`,
      tokenUrl: `http://127.0.0.1:1/token`,
      clientId: 'c',
      clientSecret: 's',
      softwareNumber: '1',
    });
    await assert.rejects(down.request(request(), { accessToken: 't', refreshToken: null, expiresAt: null }), AllocationUnavailableError);
  });
});
