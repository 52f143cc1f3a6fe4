import { CardBrand, InvoiceType, PaymentMethod, type StoredPayment } from './invoice-types';

export type DocLocale = 'he' | 'en';

const TITLES: Record<InvoiceType, Record<DocLocale, string>> = {
  [InvoiceType.taxInvoice]: { he: 'חשבונית מס', en: 'Tax Invoice' },
  [InvoiceType.taxInvoiceReceipt]: { he: 'חשבונית מס קבלה', en: 'Tax Invoice-Receipt' },
  [InvoiceType.receipt]: { he: 'קבלה', en: 'Receipt' },
  [InvoiceType.creditNote]: { he: 'חשבונית מס זיכוי', en: 'Tax Credit Note' },
};

const TAX_STATUS: Record<string, Record<DocLocale, string>> = {
  licensed: { he: 'עוסק מורשה', en: 'Licensed dealer' },
  exempt: { he: 'עוסק פטור', en: 'Exempt dealer' },
  company: { he: 'חברה בע״מ', en: 'Company' },
};

const METHODS: Record<PaymentMethod, Record<DocLocale, string>> = {
  [PaymentMethod.cash]: { he: 'מזומן', en: 'Cash' },
  [PaymentMethod.cheque]: { he: 'צ׳ק', en: 'Cheque' },
  [PaymentMethod.bankTransfer]: { he: 'העברה בנקאית', en: 'Bank transfer' },
  [PaymentMethod.creditCard]: { he: 'כרטיס אשראי', en: 'Credit card' },
  [PaymentMethod.other]: { he: 'אחר', en: 'Other' },
};

const BRANDS: Record<CardBrand, string> = {
  [CardBrand.visa]: 'Visa',
  [CardBrand.mastercard]: 'Mastercard',
  [CardBrand.isracard]: 'Isracard',
  [CardBrand.amex]: 'American Express',
  [CardBrand.diners]: 'Diners',
  [CardBrand.other]: '',
};

/** The document's title as printed. */
export const titleOf = (type: InvoiceType, locale: DocLocale): string => TITLES[type][locale];

export const taxStatusLabel = (vatStatus: string, locale: DocLocale): string | null => TAX_STATUS[vatStatus]?.[locale] ?? null;

/** `YYYY-MM-DD` → DD/MM/YYYY, as Israeli readers write it. */
export const printedDate = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** "זיכוי לחשבונית מס קבלה 17" / "Payment for Tax Invoice 17". */
export function referenceText(type: InvoiceType, ref: { type: InvoiceType; number: number }, locale: DocLocale): string {
  const target = `${titleOf(ref.type, locale)} ${ref.number}`;
  if (type === InvoiceType.creditNote) return locale === 'he' ? `זיכוי ל${target}` : `Credit for ${target}`;
  return locale === 'he' ? `תשלום עבור ${target}` : `Payment for ${target}`;
}

/** One payment as printed: "כרטיס אשראי Visa ‎****1234, 3 תשלומים, אישור 0123456". */
export function paymentText(p: StoredPayment, locale: DocLocale): string {
  const he = locale === 'he';
  const parts: string[] = [];
  const head = p.method === PaymentMethod.other && p.description ? p.description : METHODS[p.method][locale];
  if (p.method === PaymentMethod.creditCard) {
    const brand = p.cardBrand ? BRANDS[p.cardBrand] : '';
    parts.push([head, brand, p.cardLast4 ? `\u200E****${p.cardLast4}` : ''].filter(Boolean).join(' '));
    if (p.installments && p.installments > 1) parts.push(he ? `${p.installments} תשלומים` : `${p.installments} installments`);
    if (p.approvalNumber) parts.push(he ? `אישור ${p.approvalNumber}` : `approval ${p.approvalNumber}`);
  } else if (p.method === PaymentMethod.cheque) {
    parts.push(p.chequeNumber ? (he ? `${head} מס׳ ${p.chequeNumber}` : `${head} no. ${p.chequeNumber}`) : head);
    if (p.bankNumber) parts.push(he ? `בנק ${p.bankNumber}` : `bank ${p.bankNumber}`);
    if (p.branchNumber) parts.push(he ? `סניף ${p.branchNumber}` : `branch ${p.branchNumber}`);
    if (p.accountNumber) parts.push(he ? `חשבון ${p.accountNumber}` : `account ${p.accountNumber}`);
    parts.push(he ? `לפירעון ${printedDate(p.date)}` : `due ${printedDate(p.date)}`);
  } else {
    parts.push(head);
    if (p.bankNumber) parts.push(he ? `בנק ${p.bankNumber}` : `bank ${p.bankNumber}`);
    if (p.branchNumber) parts.push(he ? `סניף ${p.branchNumber}` : `branch ${p.branchNumber}`);
    if (p.accountNumber) parts.push(he ? `חשבון ${p.accountNumber}` : `account ${p.accountNumber}`);
    if (p.method === PaymentMethod.other && p.description) parts.splice(0, 1, p.description);
  }
  if (p.reference) parts.push(he ? `אסמכתא ${p.reference}` : `ref. ${p.reference}`);
  return parts.join(', ');
}
