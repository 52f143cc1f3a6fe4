import { crc32, deflateSync } from 'node:zlib';
import type { InvoicePdfView } from '../../src/modules/invoices/pdf/invoice-pdf.view';

type Line = InvoicePdfView['lines'][number];

/** A Hebrew tax invoice-receipt of a hair salon: mixed Hebrew / Latin / digits / ₪, VAT 18 %, one card payment. */
export function hebrewInvoiceView(overrides: Partial<InvoicePdfView> = {}): InvoicePdfView {
  return {
    locale: 'he',
    title: 'חשבונית מס קבלה',
    number: '2026-0042',
    date: '2026-06-14',
    mark: 'original',
    currency: 'ILS',
    issuer: {
      legalName: 'מספרת שירה בע"מ',
      taxId: '515555555',
      taxStatusLabel: 'חברה בע״מ',
      address: 'רחוב הרצל 12, תל אביב-יפו',
      phone: '03-1234567',
      email: 'info@shira-salon.co.il',
      logo: null,
    },
    customer: {
      name: 'דנה כהן',
      taxId: '012345678',
      address: 'שדרות רוטשילד 1, תל אביב',
      phone: '050-1234567',
      email: 'dana@example.com',
    },
    lines: [
      { description: 'תספורת + צבע 2 × ₪120', quantity: '1', unitPriceAgorot: 24000, discountAgorot: 0, totalAgorot: 24000 },
      { description: 'Wella Koleston 7/1', quantity: '2', unitPriceAgorot: 4500, discountAgorot: 1000, totalAgorot: 8000 },
      {
        description: 'טיפול פנים (כולל מסכה) – חבילת VIP מורחבת עם עיסוי ראש ושמנים ארומטיים לשיער יבש במיוחד',
        quantity: '0.5',
        unitPriceAgorot: 123450,
        discountAgorot: 0,
        totalAgorot: 61725,
      },
    ],
    pricesIncludeVat: false,
    subtotalAgorot: 93725,
    vat: { ratePercent: '18', amountAgorot: 16871 },
    totalAgorot: 110596,
    payments: [{ description: 'כרטיס אשראי Visa \u200e****1234, 3 תשלומים, אישור 0123456', amountAgorot: 110596 }],
    reference: null,
    allocationNumber: '123456789',
    remarks: 'תודה שבחרתם בנו! ניתן לתאם תור חוזר בטלפון 03-1234567 (א׳–ה׳ 09:00–19:00).',
    footer: 'מסמך ממוחשב · הופק ע"י ChatGrow',
    ...overrides,
  };
}

/** The same salon, laid out in English for an English-speaking business. */
export function englishInvoiceView(overrides: Partial<InvoicePdfView> = {}): InvoicePdfView {
  const he = hebrewInvoiceView();
  return hebrewInvoiceView({
    locale: 'en',
    title: 'Tax Invoice-Receipt',
    issuer: { ...he.issuer, legalName: 'Shira Salon Ltd.', taxStatusLabel: 'Company', address: '12 Herzl St., Tel Aviv' },
    payments: [{ description: 'Credit card Visa ****1234, 3 installments, approval 0123456', amountAgorot: 110596 }],
    remarks: 'Thank you! Call 03-1234567 to book your next visit.',
    footer: 'Computer-generated document · ChatGrow',
    ...overrides,
  });
}

/** A credit note against invoice 17: negative amounts. */
export function creditNoteView(overrides: Partial<InvoicePdfView> = {}): InvoicePdfView {
  return hebrewInvoiceView({
    title: 'חשבונית מס זיכוי',
    number: '7',
    lines: [{ description: 'זיכוי תספורת', quantity: '1', unitPriceAgorot: -104620, discountAgorot: 0, totalAgorot: -104620 }],
    subtotalAgorot: -104620,
    vat: { ratePercent: '18', amountAgorot: -18832 },
    totalAgorot: -123452,
    payments: [{ description: 'החזר להעברה בנקאית', amountAgorot: -123452 }],
    reference: 'זיכוי לחשבונית מס קבלה 17',
    allocationNumber: null,
    ...overrides,
  });
}

/** A receipt of a VAT-exempt dealer (עוסק פטור): no VAT anywhere. */
export function exemptReceiptView(overrides: Partial<InvoicePdfView> = {}): InvoicePdfView {
  return hebrewInvoiceView({
    title: 'קבלה',
    number: '315',
    issuer: { ...hebrewInvoiceView().issuer, legalName: 'יוסי לוי - עיצוב גבות', taxStatusLabel: 'עוסק פטור', taxId: '034567891' },
    lines: [{ description: 'עיצוב גבות', quantity: '1', unitPriceAgorot: 8000, discountAgorot: 0, totalAgorot: 8000 }],
    subtotalAgorot: 8000,
    vat: null,
    totalAgorot: 8000,
    payments: [{ description: 'מזומן', amountAgorot: 8000 }],
    allocationNumber: null,
    ...overrides,
  });
}

/** `count` numbered lines ("שורה 1" …), totals to match. */
export function manyLinesView(count: number, overrides: Partial<InvoicePdfView> = {}): InvoicePdfView {
  const lines: Line[] = Array.from({ length: count }, (_, i) => ({
    description: `שורה ${i + 1} מוצר Wella`,
    quantity: '1',
    unitPriceAgorot: 1000 * (i + 1),
    discountAgorot: 0,
    totalAgorot: 1000 * (i + 1),
  }));
  const subtotal = lines.reduce((s, l) => s + l.totalAgorot, 0);
  const vat = Math.round(subtotal * 0.18);
  return hebrewInvoiceView({
    lines,
    subtotalAgorot: subtotal,
    vat: { ratePercent: '18', amountAgorot: vat },
    totalAgorot: subtotal + vat,
    payments: [{ description: 'העברה בנקאית', amountAgorot: subtotal + vat }],
    ...overrides,
  });
}

/** A small solid-colour PNG (a stand-in logo). */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
