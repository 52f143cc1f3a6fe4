import { nationalPhone } from '../../common/phone/phone';
import { printedAllocationNumber } from '../../infra/allocation/allocation.port';
import type { Invoice } from './entities/invoice.entity';
import { type DocLocale, paymentText, referenceText, taxStatusLabel, titleOf } from './invoice-labels';
import { formatRate } from './invoice-totals';
import type { InvoiceType } from './invoice-types';
import type { InvoicePdfView } from './pdf/invoice-pdf.view';

/** The fields of a document the PDF prints (the row, or the row about to be inserted). */
export type PrintableInvoice = Pick<
  Invoice,
  | 'type'
  | 'number'
  | 'issueDate'
  | 'locale'
  | 'currency'
  | 'issuer'
  | 'billedTo'
  | 'lines'
  | 'pricesIncludeVat'
  | 'vatShown'
  | 'vatRateBp'
  | 'subtotalAgorot'
  | 'vatAgorot'
  | 'totalAgorot'
  | 'payments'
  | 'remarks'
  | 'allocationNumber'
>;

/**
 * Everything the PDF prints, decided here (the renderer computes nothing).
 * A copy is the same view with `mark: 'copy'`, built from the same frozen row.
 */
export function toPdfView(
  i: PrintableInvoice,
  opts: { mark: 'original' | 'copy'; logo: Buffer | null; reference: { type: InvoiceType; number: number } | null },
): InvoicePdfView {
  const locale = (i.locale === 'en' ? 'en' : 'he') as DocLocale;
  return {
    locale,
    title: titleOf(i.type, locale),
    number: String(i.number),
    date: i.issueDate,
    mark: opts.mark,
    currency: i.currency,
    issuer: {
      legalName: i.issuer.legalName,
      taxId: i.issuer.taxId,
      taxStatusLabel: taxStatusLabel(i.issuer.vatStatus, locale),
      address: i.issuer.address,
      phone: i.issuer.phone && nationalPhone(i.issuer.phone),
      email: i.issuer.email,
      logo: opts.logo,
    },
    customer: { ...i.billedTo, phone: i.billedTo.phone && nationalPhone(i.billedTo.phone) },
    lines: i.lines.map((l) => ({ ...l })),
    pricesIncludeVat: i.pricesIncludeVat,
    subtotalAgorot: i.subtotalAgorot,
    vat: i.vatShown ? { ratePercent: formatRate(i.vatRateBp), amountAgorot: i.vatAgorot } : null,
    totalAgorot: i.totalAgorot,
    payments: i.payments.map((p) => ({ description: paymentText(p, locale), amountAgorot: p.amountAgorot })),
    reference: opts.reference ? referenceText(i.type, opts.reference, locale) : null,
    allocationNumber: i.allocationNumber ? printedAllocationNumber(i.allocationNumber) : null,
    remarks: i.remarks,
    footer: i.issuer.footer,
  };
}
