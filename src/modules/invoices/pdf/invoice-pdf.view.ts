/**
 * Everything printed on an invoice PDF, already decided: the renderer draws
 * it and computes nothing (amounts are integer agorot, dates are local
 * calendar dates in the business time zone, texts are in logical order).
 */
export interface InvoicePdfView {
  /** `he` lays the page out right to left; `en` left to right. */
  locale: 'he' | 'en';
  /** The document title as printed, e.g. "חשבונית מס קבלה" / "Tax Invoice-Receipt". */
  title: string;
  /** e.g. "INV-000123" or "123": printed as given. */
  number: string;
  /** Local date `YYYY-MM-DD`; printed DD/MM/YYYY. */
  date: string;
  /** Marks the copy: `original` prints מקור / Original, `copy` prints העתק / Copy. */
  mark: 'original' | 'copy';
  currency: string;
  issuer: {
    legalName: string;
    /** ח.פ / ע.מ number. */
    taxId: string | null;
    /** e.g. "עוסק מורשה" / "עוסק פטור" / "חברה בע״מ", as printed. */
    taxStatusLabel: string | null;
    address: string | null;
    phone: string | null;
    email: string | null;
    /** PNG or JPEG bytes, or null. */
    logo: Buffer | null;
  };
  customer: {
    name: string;
    taxId: string | null;
    address: string | null;
    phone: string | null;
    email: string | null;
  };
  lines: Array<{
    description: string;
    /** Up to 3 decimals, as text ("1", "2.5", "0.125"). */
    quantity: string;
    unitPriceAgorot: number;
    discountAgorot: number;
    totalAgorot: number;
  }>;
  /** Whether unit prices were entered including VAT (the document says so). */
  pricesIncludeVat: boolean;
  subtotalAgorot: number;
  /** Null for an exempt business (no VAT shown at all). */
  vat: { ratePercent: string; amountAgorot: number } | null;
  totalAgorot: number;
  /** One line per payment, as printed ("כרטיס אשראי Visa ‎****1234, 3 תשלומים, אישור 0123456"). */
  payments: Array<{ description: string; amountAgorot: number }>;
  /** e.g. "זיכוי לחשבונית מס קבלה 17" for a credit note; null otherwise. */
  reference: string | null;
  allocationNumber: string | null;
  remarks: string | null;
  footer: string | null;
}

/** Renders an invoice view to a one- or multi-page A4 PDF. */
export interface InvoicePdfRenderer {
  render(view: InvoicePdfView): Promise<Buffer>;
}

export const INVOICE_PDF_RENDERER = Symbol('INVOICE_PDF_RENDERER');
