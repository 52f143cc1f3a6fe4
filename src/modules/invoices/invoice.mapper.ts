import { printedAllocationNumber } from '../../infra/allocation/allocation.port';
import type { InvoiceDto } from './dto/invoice.dto';
import type { Invoice } from './entities/invoice.entity';
import { type DocLocale, titleOf } from './invoice-labels';

/** What the API shows of a document (the storage key and search text stay inside): the row, or the row just inserted. */
export const toInvoiceDto = (i: Omit<Invoice, 'createdAt' | 'updatedAt'>): InvoiceDto => ({
  id: i.id,
  type: i.type,
  title: titleOf(i.type, i.locale as DocLocale),
  number: i.number,
  issueDate: i.issueDate,
  issuedAt: i.issuedAt,
  locale: i.locale,
  currency: i.currency,
  customerId: i.customerId,
  referenceId: i.referenceId,
  issuer: {
    legalName: i.issuer.legalName,
    taxId: i.issuer.taxId,
    vatStatus: i.issuer.vatStatus,
    address: i.issuer.address,
    phone: i.issuer.phone,
    email: i.issuer.email,
  },
  billedTo: { ...i.billedTo },
  lines: i.lines.map((l) => ({ ...l })),
  pricesIncludeVat: i.pricesIncludeVat,
  vatShown: i.vatShown,
  vatRate: i.vatRateBp / 100,
  subtotalAgorot: i.subtotalAgorot,
  vatAgorot: i.vatAgorot,
  totalAgorot: i.totalAgorot,
  payments: i.payments.map((p) => ({ ...p })),
  remarks: i.remarks,
  allocationNumber: i.allocationNumber,
  allocationNumberPrinted: i.allocationNumber ? printedAllocationNumber(i.allocationNumber) : null,
  pdfSha256: i.pdfSha256,
  pdfSize: i.pdfSize,
  originalDeliveredAt: i.originalDeliveredAt,
  issuedBy: i.issuedBy,
});
