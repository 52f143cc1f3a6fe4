import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  creditNoteView,
  englishInvoiceView,
  exemptReceiptView,
  hebrewInvoiceView,
  manyLinesView,
  solidPng,
} from '../../../../test/support/invoice-pdf-views';
import { pageOnePng, pdfPageCount, pdfText, pdfVisualLines, rev, savePdf, VisualLine } from '../../../../test/support/pdf-read';
import { InvoicePdfView } from './invoice-pdf.view';
import { PdfKitInvoiceRenderer } from './pdfkit-invoice.renderer';

/*
 * Every document is written to test-output/invoice-pdf/<name>.pdf with its
 * page 1 as <name>.png, for a person to look at.
 *
 * Two readings: `pdfText` is pdftotext's own (it guesses bidi order, so it is
 * used for "this Hebrew name / this number is on the page"), and
 * `pdfVisualLines` is where the glyphs physically are, left to right, with no
 * guessing: mixed-direction order is asserted on that, written as the eye sees
 * it (`rev('צבע')` is the Hebrew word as drawn, right to left).
 */

const renderer = new PdfKitInvoiceRenderer();

interface Rendered {
  pdf: Buffer;
  path: string;
  text: string;
  lines: VisualLine[];
}

async function render(name: string, view: InvoicePdfView): Promise<Rendered> {
  const pdf = await renderer.render(view);
  const path = savePdf(pdf, 'invoice-pdf', name);
  const png = pageOnePng(path);
  assert.deepEqual([...readFileSync(png).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], `${png} is a PNG`);
  return { pdf, path, text: pdfText(path), lines: pdfVisualLines(path) };
}

/** The one drawn line that contains `fragment` (as drawn). */
function lineWith(r: Rendered, fragment: string, page?: number): VisualLine {
  const found = r.lines.filter((l) => l.text.includes(fragment) && (page === undefined || l.page === page));
  assert.equal(found.length, 1, `one line with ${JSON.stringify(fragment)}; drawn lines:\n${r.lines.map((l) => l.text).join('\n')}`);
  return found[0];
}

const drawn = (r: Rendered): string => r.lines.map((l) => l.text).join('\n');

describe('PdfKitInvoiceRenderer, Hebrew (right to left)', () => {
  it('prints the names in logical order and the number, date, totals and VAT', async () => {
    const r = await render('he-tax-invoice-receipt', hebrewInvoiceView());
    for (const s of [
      'מספרת שירה בע"מ',
      'חברה בע״מ 515555555',
      'דנה כהן',
      'חשבונית מס קבלה 2026-0042',
      'Wella Koleston 7/1',
      'מקור',
      'סכום לפני מע"מ',
      '937.25',
      'מע"מ 18%',
      '168.71',
      'סה"כ לתשלום',
      '1,105.96',
      'מספר הקצאה',
      '123456789',
    ]) {
      assert.ok(r.text.includes(s), `pdftotext finds ${JSON.stringify(s)} in:\n${r.text}`);
    }
    assert.ok(!r.text.includes('העתק'));
    assert.equal(pdfPageCount(r.path), 1);
    lineWith(r, rev('עמוד 1 מתוך 1'));
  });

  it('draws every line right to left with numbers and Latin intact', async () => {
    const r = await render('he-tax-invoice-receipt-order', hebrewInvoiceView());
    // Read right to left: תספורת + צבע 2 × ₪120.
    lineWith(r, `₪120 × 2 ${rev('צבע')} + ${rev('תספורת')}`);
    lineWith(r, 'Wella Koleston 7/1');
    // Brackets mirrored: "(" opens on the right of "כולל", as a Hebrew reader expects.
    lineWith(r, `VIP ${rev('חבילת')} – (${rev('מסכה')} ${rev('כולל')}) ${rev('פנים')} ${rev('טיפול')}`);
    lineWith(r, `2026-0042 ${rev('חשבונית מס קבלה')}`);
    lineWith(r, `14/06/2026 :${rev('תאריך')}`);
    lineWith(r, `123456789 :${rev('מספר הקצאה')}`);
    lineWith(r, rev('מספרת שירה בע"מ'));
    lineWith(r, rev('דנה כהן'));
    lineWith(r, `info@shira-salon.co.il 03-1234567 ${rev('טל׳')}`);
    lineWith(r, `Visa ****1234, 3 ${rev('כרטיס אשראי')}`);
  });

  it('puts the table columns in right-to-left order and the totals under the line-total column', async () => {
    const r = await render('he-tax-invoice-receipt-table', hebrewInvoiceView());
    // Left to right on the page: line total, discount, unit price, quantity, description.
    assert.equal(lineWith(r, rev('תיאור')).text, rev('תיאור כמות מחיר ליחידה הנחה סה"כ'));
    assert.equal(lineWith(r, 'Koleston').text, '₪ 80.00 ₪ 10.00 ₪ 45.00 2 Wella Koleston 7/1');
    const total = lineWith(r, rev('סה"כ לתשלום'));
    assert.equal(total.text, `₪ 1,105.96 ${rev('סה"כ לתשלום')}`);
    assert.equal(lineWith(r, `18% ${rev('מע"מ')}`).text, `₪ 168.71 18% ${rev('מע"מ')}`);
    const lineTotal = lineWith(r, 'Koleston').words[0];
    assert.ok(Math.abs(total.words[0].x - lineTotal.x) < 50, 'the total sits in the line-total column, on the left');
    assert.ok(lineWith(r, rev('דנה כהן')).words[0].x > 400, 'the customer block is on the right');
    assert.ok(lineWith(r, rev('מקור')).words[0].x < 150, 'the mark is on the left, opposite the issuer');
  });

  it('marks the copy העתק and the original מקור', async () => {
    const copy = await render('he-copy', hebrewInvoiceView({ mark: 'copy' }));
    assert.ok(copy.text.includes('העתק'));
    assert.ok(!copy.text.includes('מקור'));
    lineWith(copy, rev('העתק'));
  });

  it('prints no VAT at all for an exempt dealer', async () => {
    const r = await render('he-exempt-receipt', exemptReceiptView());
    assert.ok(!r.text.includes('מע"מ'), r.text);
    assert.ok(!drawn(r).includes(rev('מע"מ')));
    assert.ok(r.text.includes('עוסק פטור 034567891'));
    assert.equal(lineWith(r, rev('סה"כ לתשלום')).text, `₪ 80.00 ${rev('סה"כ לתשלום')}`);
  });

  it('says prices include VAT when they do', async () => {
    const r = await render('he-prices-include-vat', hebrewInvoiceView({ pricesIncludeVat: true }));
    assert.ok(r.text.includes('המחירים כוללים מע"מ'));
    const without = await render('he-prices-exclude-vat', hebrewInvoiceView({ pricesIncludeVat: false }));
    assert.ok(!without.text.includes('המחירים כוללים'));
  });

  it('keeps the minus of negative (credit) amounts on the left of the digits', async () => {
    const r = await render('he-credit-note', creditNoteView());
    assert.equal(lineWith(r, rev('סה"כ לתשלום')).text, `₪ -1,234.52 ${rev('סה"כ לתשלום')}`);
    assert.equal(lineWith(r, `18% ${rev('מע"מ')}`).text, `₪ -188.32 18% ${rev('מע"מ')}`);
    lineWith(r, `17 ${rev('זיכוי לחשבונית מס קבלה')}`);
    assert.doesNotMatch(drawn(r), /\d-(\s|$)/m, 'no minus sign trails a number');
    for (const s of ['-1,234.52', '-188.32', '-1,046.20', 'זיכוי לחשבונית מס קבלה 17']) assert.ok(r.text.includes(s), s);
  });

  it('continues a 40-line table on a second page with the header repeated', async () => {
    const r = await render('he-40-lines', manyLinesView(40));
    assert.equal(pdfPageCount(r.path), 2);
    const header = rev('תיאור כמות מחיר ליחידה הנחה סה"כ');
    assert.deepEqual(
      r.lines.filter((l) => l.text === header).map((l) => l.page),
      [1, 2],
    );
    const rows = r.lines.filter((l) => l.text.includes(rev('שורה')));
    assert.equal(rows.length, 40, 'every line printed once');
    const numbers = rows.map((l) => Number(/ (\d+) /.exec(l.text.slice(l.text.indexOf('Wella')))?.[1]));
    assert.deepEqual(
      numbers,
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    assert.equal(rows[0].page, 1);
    assert.equal(rows[39].page, 2);
    lineWith(r, `${rev('מקור')} (${rev('המשך')}) 2026-0042 ${rev('חשבונית מס קבלה')}`, 2);
    lineWith(r, rev('עמוד 1 מתוך 2'), 1);
    lineWith(r, rev('עמוד 2 מתוך 2'), 2);
    assert.equal(lineWith(r, rev('סה"כ לתשלום')).page, 2, 'totals after the last row');
  });

  it('cuts a row taller than a page between its lines, and keeps every text above the footer', async () => {
    const letters = Array.from('אבגדהוזחטיכלמנסעפצקרשת');
    // 480 distinct Hebrew words (no digits, so each reads as one right-to-left run).
    const words = Array.from({ length: 480 }, (_, i) => `מל${letters[i % 22]}${letters[Math.floor(i / 22)]}`);
    const r = await render(
      'he-tall-row',
      hebrewInvoiceView({ lines: [{ ...hebrewInvoiceView().lines[0], description: words.join(' ') }] }),
    );
    assert.ok(pdfPageCount(r.path) >= 2);
    const drawnWords = new Set(r.lines.flatMap((l) => l.words.map((w) => rev(w.text))));
    assert.deepEqual(
      words.filter((w) => !drawnWords.has(w)),
      [],
      'every word printed',
    );
    const footerTop = 841.89 - 64;
    const body = r.lines.filter((l) => !l.text.includes('ChatGrow') && !l.text.includes(rev('עמוד')));
    assert.deepEqual(
      body.filter((l) => l.y > footerTop).map((l) => l.text),
      [],
    );
  });

  it('shrinks an amount too wide for its column instead of spilling over', async () => {
    const big = 123456789012;
    const r = await render(
      'he-big-amounts',
      hebrewInvoiceView({
        lines: [{ description: 'פרויקט', quantity: '1', unitPriceAgorot: big, discountAgorot: 0, totalAgorot: big }],
        subtotalAgorot: big,
        vat: { ratePercent: '18', amountAgorot: 22222222022 },
        totalAgorot: 145679011034,
      }),
    );
    const row = lineWith(r, rev('פרויקט'));
    assert.equal(row.text, `₪ 1,234,567,890.12 ₪ 1,234,567,890.12 1 ${rev('פרויקט')}`);
    // The line-total column is the leftmost 92 points of the content box (40 … 132).
    assert.ok(row.words[0].x >= 40 && row.words[1].xMax <= 132.5, JSON.stringify(row.words.slice(0, 2)));
    assert.ok(r.text.includes('1,456,790,110.34'));
  });

  it('draws the logo and survives an unreadable one', async () => {
    const issuer = hebrewInvoiceView().issuer;
    const withLogo = await render('he-logo', hebrewInvoiceView({ issuer: { ...issuer, logo: solidPng(120, 60, [30, 90, 160]) } }));
    assert.match(withLogo.pdf.toString('latin1'), /\/Subtype \/Image/);
    const broken = await render('he-broken-logo', hebrewInvoiceView({ issuer: { ...issuer, logo: Buffer.from('not an image') } }));
    assert.ok(broken.text.includes('מספרת שירה בע"מ'));
  });

  it('embeds only the Heebo subsets', async () => {
    const r = await render('he-fonts', hebrewInvoiceView());
    const fonts = execFileSync('pdffonts', [r.path], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((l) => l.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
    assert.deepEqual(fonts.sort(), ['Heebo-Bold', 'Heebo-Regular']);
  });

  it('renders the same bytes for the same view (stable SHA-256 of the original)', async () => {
    const view = hebrewInvoiceView();
    const a = await renderer.render(view);
    const b = await renderer.render(structuredClone(view));
    const sha = (buf: Buffer): string => createHash('sha256').update(buf).digest('hex');
    assert.equal(sha(a), sha(b));
    assert.notEqual(sha(a), sha(await renderer.render({ ...view, mark: 'copy' })));
  });

  it('renders documents concurrently exactly as one at a time (the parsed fonts are shared)', async () => {
    const views = [
      hebrewInvoiceView(),
      englishInvoiceView(),
      creditNoteView(),
      exemptReceiptView(),
      manyLinesView(40),
      hebrewInvoiceView({ mark: 'copy' }),
    ];
    const alone: Buffer[] = [];
    for (const v of views) alone.push(await renderer.render(v));
    const together = await Promise.all([...views, ...views].map((v) => renderer.render(v)));
    together.forEach((pdf, i) => assert.ok(pdf.equals(alone[i % views.length]), `document ${i}`));
  });
});

describe('PdfKitInvoiceRenderer, English (left to right)', () => {
  it('lays the page out left to right with English labels, and Hebrew text still right to left', async () => {
    const r = await render('en-tax-invoice-receipt', englishInvoiceView());
    for (const s of [
      'Tax Invoice-Receipt No. 2026-0042',
      'Original',
      'Date: 14/06/2026',
      'Total before VAT',
      'VAT 18%',
      'Total due',
      'דנה כהן',
    ]) {
      assert.ok(r.text.includes(s), `pdftotext finds ${JSON.stringify(s)} in:\n${r.text}`);
    }
    assert.equal(lineWith(r, 'Description').text, 'Description Qty Unit price Discount Total');
    assert.equal(lineWith(r, 'Koleston').text, 'Wella Koleston 7/1 2 ₪45.00 ₪10.00 ₪80.00');
    assert.equal(lineWith(r, 'Total due').text, 'Total due ₪1,105.96');
    // A Hebrew description in an English document keeps its own right-to-left order.
    lineWith(r, `₪120 × 2 ${rev('צבע')} + ${rev('תספורת')}`);
    lineWith(r, rev('דנה כהן'));
    assert.ok(lineWith(r, 'Original').words[0].x > 400, 'the mark is on the right');
  });
});
