import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Download, Locator, Page } from 'playwright-core';
import { en } from '../../web/src/i18n/en';
import { he, type Catalogue } from '../../web/src/i18n/he';
import { DashboardBrowser, DESKTOP, htmlLangDir, PHONE, seriousViolations, SHOTS } from '../support/dashboard-browser';
import { newBusiness, type TestBusiness } from '../support/factories';
import { freePort } from '../support/process';
import { startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/until';

declare const document: {
  documentElement: { lang: string; dir: string; scrollWidth: number; clientWidth: number };
};

/**
 * The Payments and invoices page in Debian's Chromium against the real app.
 * PUBLIC_URL is the app's own address, so the sandbox gateway's page opens in
 * the browser and its notification reaches the app's webhook as it would from
 * the internet; the payment sweeper runs often so nothing waits on a timer.
 */
const APPROVE = '4580000000000000';
const ISSUER = { legalName: 'סטודיו דנה בע"מ', taxId: '515555555', address: 'רחוב הרצל 1, תל אביב', phone: '03-5551234' };

describe('the dashboard: payments and invoices in Chromium', () => {
  let t: TestApp;
  let base: string;
  let dash: DashboardBrowser;
  let owner: TestBusiness;

  before(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await startTestApp({ PUBLIC_URL: base, PAYMENT_SWEEP_INTERVAL_MS: '300' });
    dash = await DashboardBrowser.start(t, port);
    owner = await newBusiness(t.http, { name: 'דנה לוי', businessName: 'סטודיו דנה' });
    await t.http.patch('/api/invoices/settings').set(owner.auth).send(ISSUER).expect(200);
    await t.http
      .post('/api/customers')
      .set(owner.auth)
      .send({ firstName: 'נועה', lastName: 'כהן', email: 'noa@example.co.il', phone: '052-1112233' })
      .expect(201);
  });

  after(async () => {
    await dash?.close();
    await t?.close();
  });

  const open = (viewport = DESKTOP) => dash.open(viewport, { timeoutMs: 20_000 });
  const logIn = (page: Page) => dash.logIn(page, owner);

  async function saved(download: Download): Promise<{ name: string; bytes: Buffer }> {
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: readFileSync(path) };
  }

  async function pickCustomer(scope: Locator, m: Catalogue, query: string, name: string): Promise<void> {
    await scope.getByRole('searchbox', { name: m['pay.form.customer'] }).fill(query);
    await scope.getByRole('button', { name: m['pay.customer.choose'].replace('{name}', name) }).click();
  }

  it('creates a payment link, pays it on the sandbox page, sees it paid with its invoice-receipt, downloads its PDF (a copy: the original went to the customer by email), refunds part and sees the credit note', async () => {
    const { page, context, errors } = await open();
    await logIn(page);
    await page.getByRole('navigation', { name: he['nav.label'] }).getByRole('link', { name: he['nav.payments'], exact: true }).click();
    await page.waitForURL(`${base}/dashboard/payments`);
    await page.locator('.empty').filter({ hasText: he['pay.payments.emptyStart'] }).waitFor();

    // A new customer with a phone the API refuses: its message sits under the phone field.
    await page.getByRole('button', { name: he['pay.new'], exact: true }).click();
    const dialog = page.getByRole('dialog', { name: he['pay.form.title'] });
    await dialog.getByLabel(he['pay.form.newCustomer']).check();
    await dialog.getByLabel(he['customerForm.firstName'], { exact: true }).fill('אורי');
    await dialog.getByLabel(he['customerForm.phone'], { exact: true }).fill('12345');
    await dialog.getByLabel(he['pay.form.amount'], { exact: true }).fill('12.345');
    await dialog.getByLabel(he['pay.form.description'], { exact: true }).fill('שיעור פילאטיס');
    await dialog.getByRole('button', { name: he['pay.form.create'], exact: true }).click();
    const amountField = dialog.locator('.field').filter({ has: page.getByLabel(he['pay.form.amount'], { exact: true }) });
    assert.equal(await amountField.locator('.field-error').innerText(), he['pay.form.amountInvalid']);
    await dialog.getByLabel(he['pay.form.amount'], { exact: true }).fill('123.45');
    await dialog.getByRole('button', { name: he['pay.form.create'], exact: true }).click();
    const phoneField = dialog.locator('.field').filter({ has: page.getByLabel(he['customerForm.phone'], { exact: true }) });
    await phoneField.locator('.field-error').waitFor();
    assert.equal(await dialog.getByLabel(he['customerForm.phone'], { exact: true }).getAttribute('aria-invalid'), 'true');
    await page.screenshot({ path: join(SHOTS, 'payments-field-error-he.png') });

    // An existing customer, found by a piece of her name.
    await dialog.getByLabel(he['pay.form.existing']).check();
    await pickCustomer(dialog, he, 'נוע', 'נועה כהן');
    await dialog.getByRole('button', { name: he['pay.form.create'], exact: true }).click();
    const ready = page.getByRole('dialog', { name: he['pay.created.title'] });
    await ready.waitFor();
    const link = await ready.getByLabel(he['pay.link.label'], { exact: true }).inputValue();
    assert.match(link, new RegExp(`^${base}/sandbox/pay/[A-Za-z0-9_-]+$`));
    const listed = await t.http.get('/api/payments').set(owner.auth).expect(200);
    assert.equal(listed.body.data.length, 1);
    const payment = listed.body.data[0];
    assert.deepEqual([payment.amount, payment.description, payment.status, payment.pageUrl], [12_345, 'שיעור פילאטיס', 'pending', link]);

    // Copy (the clipboard holds the link), and send it by SMS (the API's send-link).
    await ready.getByRole('button', { name: he['pay.link.copy'], exact: true }).click();
    await ready.getByText(he['pay.link.copied']).waitFor();
    assert.equal(
      await page.evaluate(() =>
        (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText(),
      ),
      link,
    );
    await ready.getByRole('button', { name: he['pay.link.sendSms'], exact: true }).click();
    await ready.getByText(he['pay.link.sentSms'].replace('{to}', '052-111-2233')).waitFor();
    await page.screenshot({ path: join(SHOTS, 'payments-link-ready-he.png') });

    // The sandbox gateway's page, in a new tab, paid with the approving card.
    const [gateway] = await Promise.all([
      context.waitForEvent('page'),
      ready.getByRole('link', { name: new RegExp(he['pay.link.open']) }).click(),
    ]);
    await gateway.waitForLoadState();
    assert.equal(gateway.url(), link);
    await gateway.locator('#cardNumber').fill(APPROVE);
    await gateway.locator('#expiry').fill('12/30');
    await gateway.locator('#cvv').fill('123');
    await Promise.all([gateway.waitForURL((url) => url.href !== link), gateway.getByRole('button').click()]);
    await gateway.screenshot({ path: join(SHOTS, 'payments-sandbox-return.png') });
    await gateway.close();

    // Back in the dashboard: the row turns paid by itself.
    await ready.getByRole('button', { name: he['pay.done'], exact: true }).click();
    const row = page.locator(`.payments-table tr[data-payment-id="${payment.id}"]`);
    await row.locator('.status-paid').waitFor();
    assert.match(await row.innerText(), /נועה כהן/);
    assert.match(await row.innerText(), /123\.45/);
    await page.screenshot({ path: join(SHOTS, 'payments-paid-he.png'), fullPage: true });

    // Its invoice-receipt went to the customer by email: that was the original (מקור), so every download here is a copy.
    const invoiceId = await until('the invoice-receipt emailed to the customer', async () => {
      const res = await t.http.get(`/api/payments/${payment.id}`).set(owner.auth);
      if (!res.body.invoiceId || !res.body.receiptMessageId) return null;
      const inv = await t.http.get(`/api/invoices/${res.body.invoiceId}`).set(owner.auth);
      return inv.body.originalDeliveredAt ? (res.body.invoiceId as string) : null;
    });
    await row.getByRole('button', { name: new RegExp(`^${he['pay.details']}`) }).click();
    const details = page.getByRole('dialog', { name: /שיעור פילאטיס/ });
    const docName = he['inv.docName'].replace('{title}', he['inv.type.tax_invoice_receipt']).replace('{number}', '1');
    const download = details.getByRole('button', { name: `${he['inv.download']} ${docName}` });
    await download.waitFor();
    await details.locator(`li[data-invoice-id="${invoiceId}"]`).getByText(he['inv.mark.copyNext']).waitFor();
    for (let i = 0; i < 2; i++) {
      const [pdf] = await Promise.all([page.waitForEvent('download'), download.click()]);
      const file = await saved(pdf);
      assert.equal(file.name, 'tax_invoice_receipt-1-copy.pdf');
      assert.equal(file.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    }
    await page
      .getByRole('status')
      .filter({ hasText: he['inv.downloaded.copy'].replace('{number}', '1') })
      .waitFor();

    // A partial refund (confirmed first): the credit note is listed with the payment.
    await details.getByLabel(he['pay.refundForm.amount'], { exact: true }).fill('200');
    await details.getByRole('button', { name: he['pay.refundForm.submit'], exact: true }).click();
    await details.locator('.field-error').filter({ hasText: '₪' }).waitFor();
    await details.getByLabel(he['pay.refundForm.amount'], { exact: true }).fill('23.45');
    await details.getByRole('button', { name: he['pay.refundForm.submit'], exact: true }).click();
    await details.getByRole('button', { name: he['pay.refundForm.confirmButton'], exact: true }).click();
    const creditName = he['inv.docName'].replace('{title}', he['inv.type.credit_note']).replace('{number}', '1');
    await details.getByRole('button', { name: `${he['inv.download']} ${creditName}` }).waitFor();
    await details.locator('.status-partially_refunded').waitFor();
    await page.screenshot({ path: join(SHOTS, 'payments-refunded-he.png') });
    const refunded = await t.http.get(`/api/payments/${payment.id}`).set(owner.auth).expect(200);
    assert.deepEqual([refunded.body.status, refunded.body.refundedAmount], ['partially_refunded', 2_345]);
    assert.ok(refunded.body.refunds[0].creditNoteId);
    await details.getByRole('button', { name: he['pay.close'], exact: true }).click();
    await row.locator('.status-partially_refunded').waitFor();

    // The documents tab lists both.
    await page.getByRole('navigation', { name: he['pay.sections'] }).getByRole('link', { name: he['pay.tab.invoices'] }).click();
    await page.waitForURL(`${base}/dashboard/payments?tab=invoices`);
    await page.locator('.invoices-table tr[data-type="credit_note"]').waitFor();
    const docs = (await page.locator('.invoices-table tbody th').allInnerTexts()).map((s) => s.trim());
    assert.deepEqual(docs.sort(), [creditName, docName].sort());
    await page.screenshot({ path: join(SHOTS, 'payments-documents-he.png'), fullPage: true });
    assert.deepEqual(errors, []);
  });

  it('issues a manual invoice (totals as the API worked them out), downloads its PDF (the original, then a copy), shows the summary and exports the CSV', async () => {
    const { page, errors } = await open();
    await logIn(page);
    await page.goto(`${base}/dashboard/payments?tab=invoices`);
    await page.locator('#page-title').filter({ hasText: he['pay.title'] }).waitFor();
    await page.getByRole('button', { name: he['inv.new'], exact: true }).click();
    const dialog = page.getByRole('dialog', { name: he['inv.form.title'] });
    await dialog.getByRole('button', { name: he['inv.form.issue'], exact: true }).click();
    await dialog.locator('.alert-error').filter({ hasText: he['errors.form'] }).waitFor();
    await pickCustomer(dialog, he, 'כהן', 'נועה כהן');
    await dialog.getByLabel(he['inv.form.description'], { exact: true }).fill('סדנת יוגה');
    await dialog.getByLabel(he['inv.form.quantity'], { exact: true }).fill('2');
    await dialog.getByLabel(he['inv.form.unitPrice'], { exact: true }).fill('100');
    await dialog.getByLabel(he['inv.form.includeVat']).uncheck();
    await page.screenshot({ path: join(SHOTS, 'invoices-new-he.png') });
    await dialog.getByRole('button', { name: he['inv.form.issue'], exact: true }).click();

    const invoices = await until('the manual invoice', async () => {
      const res = await t.http.get('/api/invoices').query({ type: 'tax_invoice' }).set(owner.auth);
      return res.body.data?.length ? res.body.data : null;
    });
    const issued = invoices[0];
    assert.equal(issued.subtotalAgorot, 20_000);
    const name = he['inv.docName'].replace('{title}', he['inv.type.tax_invoice']).replace('{number}', String(issued.number));
    const result = page.getByRole('dialog', { name });
    await result.waitFor();
    const text = await result.innerText();
    for (const agorot of [issued.subtotalAgorot, issued.vatAgorot, issued.totalAgorot])
      assert.ok(text.includes((agorot / 100).toFixed(2)), text);
    await page.screenshot({ path: join(SHOTS, 'invoices-issued-he.png') });
    await result.getByRole('button', { name: he['pay.done'], exact: true }).click();

    // Nobody has had it yet: the first download is the original (מקור), every one after a copy (העתק).
    const listed = page.locator(`.invoices-table tr[data-invoice-id="${issued.id}"]`);
    await listed.getByText(he['inv.mark.originalNext']).waitFor();
    const button = listed.getByRole('button', { name: `${he['inv.download']} ${name}` });
    const [first] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const original = await saved(first);
    assert.equal(original.name, `tax_invoice-${issued.number}-original.pdf`);
    assert.equal(original.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    await page
      .getByRole('status')
      .filter({ hasText: he['inv.downloaded.original'].replace('{number}', String(issued.number)) })
      .waitFor();
    await listed.getByText(he['inv.mark.copyNext']).waitFor();
    const [second] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const copy = await saved(second);
    assert.equal(copy.name, `tax_invoice-${issued.number}-copy.pdf`);
    assert.equal(copy.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.notDeepEqual(copy.bytes, original.bytes, 'the copy is marked as one');

    await page.getByRole('navigation', { name: he['pay.sections'] }).getByRole('link', { name: he['pay.tab.summary'] }).click();
    await page.locator('.summary-table').waitFor();
    await page.screenshot({ path: join(SHOTS, 'payments-summary-he.png'), fullPage: true });
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: he['sum.export'], exact: true }).click(),
    ]);
    const file = await saved(csv);
    assert.match(file.name, /^documents-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const body = file.bytes.toString('utf8');
    assert.ok(body.startsWith('\uFEFF'), 'UTF-8 with BOM');
    assert.ok(body.split('\n').length >= 2);
    assert.deepEqual(errors, []);
  });

  for (const lang of ['he', 'en'] as const) {
    for (const [size, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      it(`every tab in ${lang} on a ${size}: ${lang === 'he' ? 'rtl' : 'ltr'}, no sideways scroll, no serious or critical axe violation`, async () => {
        const m: Catalogue = lang === 'he' ? he : en;
        const { page, errors } = await open(viewport);
        await logIn(page);
        if (lang === 'en') {
          await page.getByRole('button', { name: he['lang.toggle'], exact: true }).click();
          await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
        }
        const problems: string[] = [];
        for (const tab of ['payments', 'invoices', 'summary'] as const) {
          await page.goto(`${base}/dashboard/payments${tab === 'payments' ? '' : `?tab=${tab}`}`);
          await page.locator('#page-title').filter({ hasText: m['pay.title'] }).waitFor();
          assert.deepEqual(await htmlLangDir(page), { lang, dir: lang === 'he' ? 'rtl' : 'ltr' });
          await page
            .locator('.subnav a[aria-current="page"]')
            .filter({ hasText: m[`pay.tab.${tab}`] })
            .waitFor();
          await page.locator(tab === 'summary' ? '.summary-table' : 'table[aria-busy="false"]').waitFor();
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          assert.ok(overflow <= 0, `${tab} scrolls sideways by ${overflow}px at ${viewport.width}px`);
          problems.push(...(await seriousViolations(page)).map((v) => `${tab}: ${v}`));
          await page.screenshot({ path: join(SHOTS, `payments-${tab}-${lang}-${size}.png`), fullPage: true });
        }
        // The new-link dialog, too.
        await page.goto(`${base}/dashboard/payments`);
        await page.getByRole('button', { name: m['pay.new'], exact: true }).click();
        await page.getByRole('dialog', { name: m['pay.form.title'] }).waitFor();
        problems.push(...(await seriousViolations(page)).map((v) => `new link dialog: ${v}`));
        await page.screenshot({ path: join(SHOTS, `payments-new-link-${lang}-${size}.png`) });
        assert.deepEqual(problems, []);
        assert.deepEqual(errors, []);
      });
    }
  }
});
