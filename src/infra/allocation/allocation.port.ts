/**
 * Israel Invoices (חשבוניות ישראל): an allocation number (מספר הקצאה) from the
 * Tax Authority for a tax invoice to a business customer above the dated
 * threshold. Drivers: `manual` (the number is typed in, obtained elsewhere)
 * and `ita` (the Tax Authority's API, with the business's OAuth2 token).
 */

/** The Tax Authority's document type codes (their API's Invoice_Type). */
export enum ItaDocumentType {
  taxInvoice = 305,
  taxInvoiceReceipt = 320,
  creditNote = 330,
}

export interface AllocationItem {
  description: string;
  /** Decimal text, up to 3 decimals. */
  quantity: string;
  unitPriceAgorot: number;
  discountAgorot: number;
  /** Before VAT. */
  totalAgorot: number;
  /** This item's share of the document's VAT (the shares add up to it exactly). */
  vatAgorot: number;
}

/** What the Tax Authority is told about a document (amounts in agorot; the driver writes them as shekels). */
export interface AllocationRequest {
  /** Our id of the document (sent as the client's key, so a request can be traced). */
  documentId: string;
  /** Our document number in its series. */
  documentNumber: number;
  documentType: ItaDocumentType;
  /** The issuer's VAT number (9 digits). */
  vatNumber: string;
  customerVatNumber: string;
  customerName: string;
  /** Local calendar date `YYYY-MM-DD`. */
  documentDate: string;
  issuedAt: Date;
  amountBeforeDiscountAgorot: number;
  discountAgorot: number;
  /** Before VAT. */
  netAgorot: number;
  vatAgorot: number;
  totalAgorot: number;
  vatRateBp: number;
  items: AllocationItem[];
  remarks: string | null;
}

/** A business's OAuth2 grant at the Tax Authority. */
export interface AllocationCredentials {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Date | null;
}

export type AllocationOutcome =
  /** Numbers are typed in by the business (the `manual` driver). */
  | { kind: 'manual' }
  | { kind: 'approved'; confirmationNumber: string }
  /** The Tax Authority answered with an error: the document must not be issued. */
  | { kind: 'refused'; code: string; message: string };

export interface AllocationResult {
  outcome: AllocationOutcome;
  /** New tokens when the driver had to refresh them (the caller stores them). */
  refreshed?: AllocationCredentials;
}

/** The Tax Authority could not be reached (network, timeout, 5xx): try again later. */
export class AllocationUnavailableError extends Error {}

export interface AllocationProvider {
  readonly driver: string;
  /** Whether this driver asks the Tax Authority (and so needs the business's credentials). */
  readonly automatic: boolean;
  request(req: AllocationRequest, credentials: AllocationCredentials | null): Promise<AllocationResult>;
}

export const ALLOCATION_PROVIDER = Symbol('ALLOCATION_PROVIDER');

/** The number printed on a document: its 9 right-most digits. */
export const printedAllocationNumber = (confirmationNumber: string): string => confirmationNumber.slice(-9);
