/**
 * The documents a business issues. Each type is its own numbering series
 * (bookkeeping rule 18): a credit note's number 1 and a tax invoice's number 1
 * are both fine.
 */
export enum InvoiceType {
  /** חשבונית מס: billing without payment (licensed dealers and companies). */
  taxInvoice = 'tax_invoice',
  /** חשבונית מס קבלה: a sale paid on the spot. */
  taxInvoiceReceipt = 'tax_invoice_receipt',
  /** קבלה: a payment; an exempt dealer's sale, or a payment against an earlier tax invoice. */
  receipt = 'receipt',
  /** חשבונית מס זיכוי: a refund or correction of a tax invoice (full or partial). */
  creditNote = 'credit_note',
}

export enum PaymentMethod {
  cash = 'cash',
  cheque = 'cheque',
  bankTransfer = 'bank_transfer',
  creditCard = 'credit_card',
  other = 'other',
}

export enum CardBrand {
  visa = 'visa',
  mastercard = 'mastercard',
  isracard = 'isracard',
  amex = 'amex',
  diners = 'diners',
  other = 'other',
}

/** The issuer as printed, frozen on the document at issue. */
export interface IssuerSnapshot {
  legalName: string;
  taxId: string;
  /** licensed / exempt / company. */
  vatStatus: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  /** The logo's storage key at issue (logos are stored under their hash and never overwritten). */
  logoKey: string | null;
  footer: string | null;
}

/** The customer as billed, frozen on the document at issue. */
export interface BilledToSnapshot {
  name: string;
  /** ח.פ / ע.מ / ת.ז of the customer, when given. */
  taxId: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export interface StoredLine {
  description: string;
  quantity: string;
  unitPriceAgorot: number;
  discountAgorot: number;
  totalAgorot: number;
}

export interface StoredPayment {
  method: PaymentMethod;
  amountAgorot: number;
  /** Local date `YYYY-MM-DD` the payment was made (a cheque: its due date). */
  date: string;
  chequeNumber: string | null;
  bankNumber: string | null;
  branchNumber: string | null;
  accountNumber: string | null;
  cardBrand: CardBrand | null;
  cardLast4: string | null;
  installments: number | null;
  approvalNumber: string | null;
  reference: string | null;
  description: string | null;
}
