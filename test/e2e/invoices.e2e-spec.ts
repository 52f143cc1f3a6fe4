import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { StorageUnavailableException } from '../../src/infra/storage/file-storage.exception';
import { FILE_STORAGE, type FileStorage } from '../../src/infra/storage/file-storage.port';
import { waitForOutboxMail } from '../support/eml';
import { expectProblem, fieldsOf, newBusiness, newMember, type TestBusiness } from '../support/factories';
import { pageOnePng, pdfText, savePdf } from '../support/pdf-read';
import { startTestApp, type TestApp } from '../support/test-app';

type Http = TestApp['http'];
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Issuer details every document prints, and one customer with an email. */
async function setUpInvoicing(http: Http, owner: TestBusiness, customer: Record<string, unknown> = {}): Promise<string> {
  const s = await http
    .patch('/api/invoices/settings')
    .set(owner.auth)
    .send({ legalName: 'סטודיו דנה בע"מ', taxId: '515555555', address: 'רחוב הרצל 1, תל אביב', phone: '03-5551234' });
  assert.equal(s.status, 200, JSON.stringify(s.body));
  const c = await http
    .post('/api/customers')
    .set(owner.auth)
    .send({ firstName: 'נועה', lastName: 'כהן', email: `noa-${Math.random().toString(16).slice(2)}@example.co.il`, ...customer });
  assert.equal(c.status, 201, JSON.stringify(c.body));
  return c.body.id as string;
}

const pdfOf = async (http: Http, auth: Record<string, string>, id: string) => {
  const res = await http
    .get(`/api/invoices/${id}/pdf`)
    .set(auth)
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  assert.equal(res.status, 200, String(res.body));
  assert.match(res.headers['content-type'], /^application\/pdf/);
  return { bytes: res.body as Buffer, mark: res.headers['x-document-mark'] };
};

const SALE = {
  lines: [
    { description: 'תספורת + צבע', quantity: 2, unitPriceAgorot: 12_000 },
    { description: 'Wella Koleston 7/1', quantity: 0.5, unitPriceAgorot: 9_990, discountAgorot: 995 },
  ],
  payments: [
    { method: 'credit_card', amountAgorot: 33_040, cardBrand: 'visa', cardLast4: '4580', installments: 3, approvalNumber: '0123456' },
  ],
};

describe('invoices', () => {
  let t: TestApp;
  let owner: TestBusiness;
  let customerId: string;

  before(async () => {
    t = await startTestApp();
    owner = await newBusiness(t.http, { businessName: 'סטודיו דנה' });
    customerId = await setUpInvoicing(t.http, owner);
  });
  after(() => t?.close());

  it('issues a tax invoice-receipt: totals with VAT once, number 1, PDF original then copy, the stored original unchanged', async () => {
    const res = await t.http
      .post('/api/invoices')
      .set(owner.auth)
      .send({ customerId, ...SALE });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const inv = res.body;
    assert.equal(inv.type, 'tax_invoice_receipt');
    assert.equal(inv.number, 1);
    // 2 × 120.00 = 240.00; 0.5 × 99.90 = 49.95 − 9.95 = 40.00; net 280.00; VAT 18 % = 50.40; total 330.40?
    assert.deepEqual(
      inv.lines.map((l: { totalAgorot: number }) => l.totalAgorot),
      [24_000, 4_000],
    );
    assert.equal(inv.subtotalAgorot, 28_000);
    assert.equal(inv.vatAgorot, 5_040);
    assert.equal(inv.totalAgorot, 33_040);
    assert.equal(inv.vatRate, 18);
    assert.equal(inv.issuer.taxId, '515555555');
    assert.match(inv.pdfSha256, /^[0-9a-f]{64}$/);

    const first = await pdfOf(t.http, owner.auth, inv.id);
    assert.equal(first.mark, 'original');
    assert.equal(sha256(first.bytes), inv.pdfSha256, 'the first download is the stored original');
    const path1 = savePdf(first.bytes, 'invoices-e2e', 'tax-invoice-receipt-original');
    pageOnePng(path1);
    const text1 = pdfText(path1);
    assert.match(text1, /מקור/);
    assert.doesNotMatch(text1, /העתק/);
    // pdftotext applies its own bidi heuristics to spacing: compare without white space (the renderer's own tests check glyph order).
    const flat = text1.replace(/\s+/g, '');
    for (const s of [
      'סטודיו דנה בע"מ',
      'נועה כהן',
      'Wella Koleston 7/1',
      'תספורת + צבע',
      '515555555',
      '330.40',
      '50.40',
      '280.00',
      '03-555-1234',
    ])
      assert.ok(flat.includes(s.replace(/\s+/g, '')), `${s} in:\n${text1}`);

    const second = await pdfOf(t.http, owner.auth, inv.id);
    assert.equal(second.mark, 'copy');
    const path2 = savePdf(second.bytes, 'invoices-e2e', 'tax-invoice-receipt-copy');
    pageOnePng(path2);
    const text2 = pdfText(path2);
    assert.match(text2, /העתק/);
    assert.doesNotMatch(text2, /מקור/);

    const again = await t.http.get(`/api/invoices/${inv.id}`).set(owner.auth);
    assert.equal(again.body.pdfSha256, inv.pdfSha256, 'the stored original never changes');
    assert.ok(again.body.originalDeliveredAt);
    const stored = await t.http.get('/api/activity').query({ entityType: 'invoice', entityId: inv.id }).set(owner.auth);
    const actions = stored.body.data.map((e: { action: string; summary: string }) => `${e.action}: ${e.summary}`);
    assert.ok(
      actions.some((a: string) => a.startsWith('invoice.downloaded') && a.includes('original')),
      actions.join('\n'),
    );
    assert.ok(
      actions.some((a: string) => a.startsWith('invoice.downloaded') && a.includes('copy')),
      actions.join('\n'),
    );

    const customer = await t.http.get(`/api/customers/${customerId}`).set(owner.auth);
    assert.equal(customer.body.totalSpendAgorot, 33_040);
    const timeline = await t.http.get(`/api/customers/${customerId}/timeline`).set(owner.auth);
    assert.ok(timeline.body.data.some((e: { action: string }) => e.action === 'invoice.issued'));
  });

  it('numbers 50 concurrent documents 1..50 with no gap and no duplicate', async () => {
    const biz = await newBusiness(t.http);
    const cust = await setUpInvoicing(t.http, biz);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.http
          .post('/api/invoices')
          .set(biz.auth)
          .send({ customerId: cust, lines: [{ description: `שירות ${i + 1}`, quantity: 1, unitPriceAgorot: 1000 + i }] }),
      ),
    );
    for (const r of results) assert.equal(r.status, 201, JSON.stringify(r.body));
    const numbers = results.map((r) => r.body.number as number).sort((a, b) => a - b);
    assert.deepEqual(
      numbers,
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    assert.ok(results.every((r) => r.body.type === 'tax_invoice'));
    const list = await t.http.get('/api/invoices').query({ limit: 100 }).set(biz.auth);
    assert.equal(list.body.meta.total, 50);
  });

  it('issues nothing when the PDF cannot be stored: 503, no document, no spend, and the number goes to the next one', async () => {
    const biz = await newBusiness(t.http);
    const cust = await setUpInvoicing(t.http, biz);
    const sale = { customerId: cust, lines: [{ description: 'תספורת', quantity: 1, unitPriceAgorot: 10_000 }] };
    const first = await t.http.post('/api/invoices').set(biz.auth).send(sale);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const read = await t.http.get(`/api/invoices/${first.body.id}`).set(biz.auth);
    assert.deepEqual(first.body, read.body, 'the answer to the issue is the stored document');

    const storage = t.app.get<FileStorage>(FILE_STORAGE);
    const put = storage.put.bind(storage);
    storage.put = () => Promise.reject(new StorageUnavailableException('the disk is full', true));
    let failed;
    try {
      failed = await t.http.post('/api/invoices').set(biz.auth).send(sale);
    } finally {
      storage.put = put;
    }
    expectProblem(failed, 503);
    const list = await t.http.get('/api/invoices').set(biz.auth);
    assert.equal(list.body.meta.total, 1, 'no document without its PDF');
    const customer = await t.http.get(`/api/customers/${cust}`).set(biz.auth);
    assert.equal(customer.body.totalSpendAgorot, 11_800, 'the failed document added nothing to what was spent');

    const next = await t.http.post('/api/invoices').set(biz.auth).send(sale);
    assert.equal(next.status, 201, JSON.stringify(next.body));
    assert.equal(next.body.number, 2, 'the failed document took no number');
    assert.equal(sha256((await pdfOf(t.http, biz.auth, next.body.id)).bytes), next.body.pdfSha256);
  });

  it('gives credit notes their own series, full or partial, never more than the original', async () => {
    const biz = await newBusiness(t.http);
    const cust = await setUpInvoicing(t.http, biz);
    const a = (
      await t.http
        .post('/api/invoices')
        .set(biz.auth)
        .send({ customerId: cust, ...SALE, payments: [{ method: 'cash', amountAgorot: 33_040 }] })
    ).body;
    const b = (
      await t.http
        .post('/api/invoices')
        .set(biz.auth)
        .send({ customerId: cust, lines: [{ description: 'ייעוץ', quantity: 3, unitPriceAgorot: 10_000 }] })
    ).body;
    assert.deepEqual([a.number, b.number, a.type, b.type], [1, 1, 'tax_invoice_receipt', 'tax_invoice']);

    const full = await t.http.post(`/api/invoices/${a.id}/credit`).set(biz.auth).send({ remarks: 'ביטול עסקה' });
    assert.equal(full.status, 201, JSON.stringify(full.body));
    assert.equal(full.body.type, 'credit_note');
    assert.equal(full.body.number, 1);
    assert.equal(full.body.referenceId, a.id);
    assert.equal(full.body.totalAgorot, a.totalAgorot);
    expectProblem(await t.http.post(`/api/invoices/${a.id}/credit`).set(biz.auth).send({}), 409);

    const part = await t.http
      .post(`/api/invoices/${b.id}/credit`)
      .set(biz.auth)
      .send({ lines: [{ description: 'ייעוץ', quantity: 1, unitPriceAgorot: 10_000 }] });
    assert.equal(part.status, 201, JSON.stringify(part.body));
    assert.equal(part.body.number, 2);
    assert.equal(part.body.totalAgorot, 11_800);
    const tooMuch = await t.http
      .post(`/api/invoices/${b.id}/credit`)
      .set(biz.auth)
      .send({ lines: [{ description: 'ייעוץ', quantity: 3, unitPriceAgorot: 10_000 }] });
    expectProblem(tooMuch, 422);
    expectProblem(await t.http.post(`/api/invoices/${b.id}/credit`).set(biz.auth).send({}), 409);

    const pdf = await pdfOf(t.http, biz.auth, part.body.id);
    const text = pdfText(savePdf(pdf.bytes, 'invoices-e2e', 'credit-note'));
    assert.match(text, /חשבונית מס זיכוי/);
    assert.ok(text.includes('1 חשבונית מס') || text.includes('חשבונית מס 1'), text);

    const customer = await t.http.get(`/api/customers/${cust}`).set(biz.auth);
    assert.equal(customer.body.totalSpendAgorot, 33_040 + 35_400 - 33_040 - 11_800);
  });

  it('refuses above the allocation threshold without a number (422 naming the rule), and the refusal leaves no gap', async () => {
    const biz = await newBusiness(t.http);
    const cust = await setUpInvoicing(t.http, biz);
    const first = await t.http
      .post('/api/invoices')
      .set(biz.auth)
      .send({ customerId: cust, lines: [{ description: 'א', quantity: 1, unitPriceAgorot: 100 }] });
    assert.equal(first.body.number, 1);
    const big = {
      customerId: cust,
      customerTaxId: '516666666',
      lines: [{ description: 'פרויקט', quantity: 1, unitPriceAgorot: 3_000_000 }],
    };
    const refused = expectProblem(await t.http.post('/api/invoices').set(biz.auth).send(big), 422);
    assert.equal(refused.code, 'invoice.allocation_required');
    assert.match(String(refused.detail), /allocation number/);
    assert.deepEqual(fieldsOf(refused), ['allocationNumber']);
    const b2c = await t.http
      .post('/api/invoices')
      .set(biz.auth)
      .send({ ...big, customerTaxId: undefined });
    assert.equal(b2c.status, 201, 'a private customer (no tax id) needs none');
    assert.equal(b2c.body.number, 2, 'the refused document took no number');
    const given = await t.http
      .post('/api/invoices')
      .set(biz.auth)
      .send({ ...big, allocationNumber: '20261128123456789012345678' });
    assert.equal(given.status, 201, JSON.stringify(given.body));
    assert.equal(given.body.number, 3);
    assert.equal(given.body.allocationNumberPrinted, '012345678');
    const text = pdfText(savePdf((await pdfOf(t.http, biz.auth, given.body.id)).bytes, 'invoices-e2e', 'allocation-manual'));
    assert.ok(text.includes('012345678'), text);
  });

  it('issues only receipts for an exempt dealer, without VAT', async () => {
    const biz = await newBusiness(t.http);
    await t.http.patch('/api/business').set(biz.auth).send({ vatStatus: 'exempt' }).expect(200);
    const cust = await setUpInvoicing(t.http, biz);
    const refused = expectProblem(
      await t.http
        .post('/api/invoices')
        .set(biz.auth)
        .send({ customerId: cust, type: 'tax_invoice', lines: [{ description: 'א', quantity: 1, unitPriceAgorot: 100 }] }),
      422,
    );
    assert.equal(refused.code, 'invoice.type_not_allowed');
    const r = await t.http
      .post('/api/invoices')
      .set(biz.auth)
      .send({
        customerId: cust,
        lines: [{ description: 'שיעור יוגה', quantity: 2, unitPriceAgorot: 5_000 }],
        payments: [{ method: 'bank_transfer', amountAgorot: 10_000, reference: '889912' }],
      });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.deepEqual([r.body.type, r.body.vatShown, r.body.vatAgorot, r.body.totalAgorot], ['receipt', false, 0, 10_000]);
    const text = pdfText(savePdf((await pdfOf(t.http, biz.auth, r.body.id)).bytes, 'invoices-e2e', 'exempt-receipt'));
    assert.match(text, /קבלה/);
    assert.match(text, /עוסק פטור/);
  });

  it('takes a receipt against a tax invoice, never more than is open', async () => {
    const biz = await newBusiness(t.http);
    const cust = await setUpInvoicing(t.http, biz);
    const inv = (
      await t.http
        .post('/api/invoices')
        .set(biz.auth)
        .send({ customerId: cust, lines: [{ description: 'ייעוץ', quantity: 1, unitPriceAgorot: 10_000 }] })
    ).body;
    const pay = (amount: number) =>
      t.http
        .post('/api/invoices')
        .set(biz.auth)
        .send({
          customerId: cust,
          referenceInvoiceId: inv.id,
          payments: [
            {
              method: 'cheque',
              amountAgorot: amount,
              chequeNumber: '1234567',
              bankNumber: '12',
              branchNumber: '600',
              accountNumber: '123456',
              date: '2026-12-31',
            },
          ],
        });
    const r1 = await pay(5_000);
    assert.equal(r1.status, 201, JSON.stringify(r1.body));
    assert.deepEqual([r1.body.type, r1.body.number, r1.body.totalAgorot, r1.body.referenceId], ['receipt', 1, 5_000, inv.id]);
    expectProblem(await pay(6_801), 422);
    assert.equal((await pay(6_800)).body.number, 2);
    const customer = await t.http.get(`/api/customers/${cust}`).set(biz.auth);
    assert.equal(customer.body.totalSpendAgorot, 11_800, 'paying an invoice adds nothing to what was spent');
  });

  it('replays an Idempotency-Key: one document, however often it is sent', async () => {
    const body = { customerId, lines: [{ description: 'מוצר', quantity: 1, unitPriceAgorot: 500 }] };
    const a = await t.http.post('/api/invoices').set(owner.auth).set('Idempotency-Key', 'inv-key-1').send(body);
    const b = await t.http.post('/api/invoices').set(owner.auth).set('Idempotency-Key', 'inv-key-1').send(body);
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.equal(b.headers['idempotent-replayed'], 'true');
    assert.equal(b.body.id, a.body.id);
    expectProblem(
      await t.http
        .post('/api/invoices')
        .set(owner.auth)
        .set('Idempotency-Key', 'inv-key-1')
        .send({ ...body, remarks: 'אחר' }),
      422,
    );
  });

  it("answers 404 for another business's document", async () => {
    const other = await newBusiness(t.http);
    const mine = (await t.http.get('/api/invoices').set(owner.auth)).body.data[0];
    expectProblem(await t.http.get(`/api/invoices/${mine.id}`).set(other.auth), 404);
    expectProblem(await t.http.get(`/api/invoices/${mine.id}/pdf`).set(other.auth), 404);
    expectProblem(await t.http.post(`/api/invoices/${mine.id}/credit`).set(other.auth).send({}), 404);
    expectProblem(await t.http.post(`/api/invoices/${mine.id}/send`).set(other.auth).send({}), 404);
  });

  it('refuses invalid input with 400 and field paths', async () => {
    const res = await t.http
      .post('/api/invoices')
      .set(owner.auth)
      .send({
        customerId,
        lines: [
          { description: 'א', quantity: 1.2345, unitPriceAgorot: 100 },
          { description: '', quantity: 1, unitPriceAgorot: -1 },
        ],
        payments: [{ method: 'credit_card', amountAgorot: 100 }],
      });
    const problem = expectProblem(res, 400);
    const fields = fieldsOf(problem);
    for (const f of ['lines.0.quantity', 'lines.1.description', 'lines.1.unitPriceAgorot', 'payments.0.cardBrand', 'payments.0.cardLast4'])
      assert.ok(fields.includes(f), `${f} in ${fields.join(', ')}`);
    const discount = expectProblem(
      await t.http
        .post('/api/invoices')
        .set(owner.auth)
        .send({ customerId, lines: [{ description: 'א', quantity: 1, unitPriceAgorot: 100, discountAgorot: 101 }] }),
      400,
    );
    assert.deepEqual(fieldsOf(discount), ['lines.0.discountAgorot']);
  });

  it('lets owners and admins change document settings, not staff; starting numbers only while a series is unused', async () => {
    const staff = await newMember(t.http, owner, 'staff');
    expectProblem(await t.http.patch('/api/invoices/settings').set(staff.auth).send({ footer: 'x' }), 403);
    assert.equal((await t.http.get('/api/invoices/settings').set(staff.auth)).status, 200);
    const admin = await newMember(t.http, owner, 'admin');
    const ok = await t.http
      .patch('/api/invoices/settings')
      .set(admin.auth)
      .send({ footer: 'תודה שבחרתם בנו', startingNumbers: { receipt: 1000 } });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.series.find((s: { type: string }) => s.type === 'receipt').nextNumber, 1000);
    const used = expectProblem(
      await t.http
        .patch('/api/invoices/settings')
        .set(owner.auth)
        .send({ startingNumbers: { tax_invoice: 500 } }),
      409,
    );
    assert.equal(used.code, 'invoice.series_in_use');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32)]);
    expectProblem(
      await t.http
        .put('/api/invoices/settings/logo')
        .set(staff.auth)
        .attach('file', png, { filename: 'logo.png', contentType: 'image/png' }),
      403,
    );
    expectProblem(
      await t.http
        .put('/api/invoices/settings/logo')
        .set(owner.auth)
        .attach('file', Buffer.from('GIF89a....'), { filename: 'logo.png', contentType: 'image/png' }),
      400,
    );
  });

  it('emails the document with its PDF attached (the original when it never left the business)', async () => {
    const inv = (
      await t.http
        .post('/api/invoices')
        .set(owner.auth)
        .send({ customerId, lines: [{ description: 'שובר מתנה', quantity: 1, unitPriceAgorot: 20_000 }] })
    ).body;
    const sent = await t.http.post(`/api/invoices/${inv.id}/send`).set(owner.auth).send({});
    assert.equal(sent.status, 202, JSON.stringify(sent.body));
    assert.equal(sent.body.mark, 'original');
    const mail = await waitForOutboxMail(join(t.dataDir, 'outbox'), (m) =>
      m.attachments.some((a) => a.filename === `tax_invoice-${inv.number}.pdf`),
    );
    const attachment = mail.attachments.find((a) => a.contentType === 'application/pdf')!;
    assert.equal(sha256(attachment.content), inv.pdfSha256);
    assert.ok(mail.subject.includes(String(inv.number)), mail.subject);
    const later = await pdfOf(t.http, owner.auth, inv.id);
    assert.equal(later.mark, 'copy', 'the original went to the customer');
  });

  it('sums a period for the bookkeeper and exports it as CSV', async () => {
    const today = (await t.http.get('/api/invoices').set(owner.auth)).body.data[0].issueDate as string;
    const summary = await t.http.get('/api/invoices/summary').query({ from: today, to: today }).set(owner.auth);
    assert.equal(summary.status, 200, JSON.stringify(summary.body));
    const receipts = summary.body.byType.find((r: { type: string }) => r.type === 'tax_invoice_receipt');
    assert.equal(receipts.count, 1);
    assert.equal(receipts.vatAgorot, 5_040);
    const csv = await t.http.get('/api/invoices/export').query({ from: today, to: today }).set(owner.auth);
    assert.equal(csv.status, 200);
    assert.match(csv.headers['content-type'], /text\/csv/);
    assert.ok(csv.text.startsWith('\uFEFFסוג מסמך,מספר'), csv.text.slice(0, 80));
    assert.ok(csv.text.includes('חשבונית מס קבלה,1,'), csv.text);
    expectProblem(await t.http.get('/api/invoices/summary').query({ from: 'yesterday', to: today }).set(owner.auth), 400);
  });
});
