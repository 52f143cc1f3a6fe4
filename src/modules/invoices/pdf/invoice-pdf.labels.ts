/** The fixed words an invoice prints, per layout language. */
export interface InvoicePdfLabels {
  original: string;
  copy: string;
  numberPrefix: string;
  date: string;
  taxId: string;
  phone: string;
  email: string;
  billTo: string;
  customerTaxId: string;
  allocationNumber: string;
  description: string;
  quantity: string;
  unitPrice: string;
  discount: string;
  lineTotal: string;
  subtotal: string;
  vat: (ratePercent: string) => string;
  total: string;
  pricesIncludeVat: string;
  payments: string;
  remarks: string;
  page: (page: number, pages: number) => string;
  continued: string;
}

export const INVOICE_PDF_LABELS: Record<'he' | 'en', InvoicePdfLabels> = {
  he: {
    original: 'מקור',
    copy: 'העתק',
    numberPrefix: '',
    date: 'תאריך',
    taxId: 'מס׳ עוסק',
    phone: 'טל׳',
    email: 'דוא"ל',
    billTo: 'לכבוד',
    customerTaxId: 'ח.פ./ת.ז.',
    allocationNumber: 'מספר הקצאה',
    description: 'תיאור',
    quantity: 'כמות',
    unitPrice: 'מחיר ליחידה',
    discount: 'הנחה',
    lineTotal: 'סה"כ',
    subtotal: 'סכום לפני מע"מ',
    vat: (rate) => `מע"מ ${rate}%`,
    total: 'סה"כ לתשלום',
    pricesIncludeVat: 'המחירים כוללים מע"מ',
    payments: 'פרטי תשלום',
    remarks: 'הערות',
    page: (page, pages) => `עמוד ${page} מתוך ${pages}`,
    continued: 'המשך',
  },
  en: {
    original: 'Original',
    copy: 'Copy',
    numberPrefix: 'No. ',
    date: 'Date',
    taxId: 'Tax ID',
    phone: 'Tel.',
    email: 'Email',
    billTo: 'Bill to',
    customerTaxId: 'ID',
    allocationNumber: 'Allocation number',
    description: 'Description',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    discount: 'Discount',
    lineTotal: 'Total',
    subtotal: 'Total before VAT',
    vat: (rate) => `VAT ${rate}%`,
    total: 'Total due',
    pricesIncludeVat: 'Prices include VAT',
    payments: 'Payments',
    remarks: 'Remarks',
    page: (page, pages) => `Page ${page} of ${pages}`,
    continued: 'continued',
  },
};
