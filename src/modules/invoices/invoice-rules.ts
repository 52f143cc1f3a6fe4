import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/problem/app.exception';
import { VatStatus } from '../../common/tenancy/business.entity';
import type { CreateInvoiceDto, InvoiceLineDto, PaymentDto } from './dto/invoice-input.dto';
import { computeTotals, type DocumentTotals, TotalsError } from './invoice-totals';
import { InvoiceType, type StoredLine, type StoredPayment } from './invoice-types';
import { InvoiceRuleException } from './invoices.exception';

/**
 * Which document a request issues, by the business's VAT status:
 * licensed dealers and companies issue a tax invoice-receipt for a payment, a
 * tax invoice for billing without payment, and a receipt for a payment against
 * an earlier tax invoice; an exempt dealer issues receipts only.
 */
export function documentTypeFor(vatStatus: VatStatus, dto: CreateInvoiceDto): InvoiceType {
  const paid = (dto.payments?.length ?? 0) > 0;
  if (vatStatus === VatStatus.exempt) {
    if (dto.type && dto.type !== InvoiceType.receipt)
      throw new InvoiceRuleException(
        'type_not_allowed',
        'An exempt dealer (עוסק פטור) cannot issue tax invoices: it issues receipts (type receipt)',
        'type',
      );
    if (dto.referenceInvoiceId)
      throw new InvoiceRuleException('type_not_allowed', 'An exempt dealer has no tax invoices to pay against', 'referenceInvoiceId');
    return InvoiceType.receipt;
  }
  const type = dto.type ?? (dto.referenceInvoiceId ? InvoiceType.receipt : paid ? InvoiceType.taxInvoiceReceipt : InvoiceType.taxInvoice);
  if (type === InvoiceType.taxInvoice && paid)
    throw new InvoiceRuleException('payments_not_allowed', 'A tax invoice records no payment: issue a tax_invoice_receipt', 'payments');
  if (type === InvoiceType.receipt && !dto.referenceInvoiceId)
    throw new InvoiceRuleException(
      'reference_required',
      'A licensed dealer’s receipt pays an earlier tax invoice: send referenceInvoiceId (or issue a tax_invoice_receipt)',
      'referenceInvoiceId',
    );
  if (type !== InvoiceType.receipt && dto.referenceInvoiceId)
    throw new InvoiceRuleException('reference_not_allowed', 'Only a receipt refers to an earlier tax invoice', 'referenceInvoiceId');
  if (type === InvoiceType.receipt && dto.lines)
    throw new InvoiceRuleException(
      'lines_not_allowed',
      'A receipt against a tax invoice has no lines: its amount is its payments',
      'lines',
    );
  if (type !== InvoiceType.taxInvoice && !paid)
    throw new InvoiceRuleException('payments_required', 'A receipt records what was paid: send payments', 'payments');
  return type;
}

/** Lines and totals, or a 400 naming the line whose numbers cannot be. */
export function totalsOf(
  lines: InvoiceLineDto[] | undefined,
  opts: { vatRateBp: number; pricesIncludeVat: boolean; vatApplies: boolean },
): DocumentTotals & { stored: StoredLine[] } {
  if (!lines?.length) throw new InvoiceRuleException('lines_required', 'A document lists what it is for: send lines', 'lines');
  try {
    const t = computeTotals(
      lines.map((l) => ({ quantity: String(l.quantity), unitPriceAgorot: l.unitPriceAgorot, discountAgorot: l.discountAgorot })),
      opts,
    );
    const stored = t.lines.map((l, i) => ({
      description: lines[i].description,
      quantity: l.quantity,
      unitPriceAgorot: l.unitPriceAgorot,
      discountAgorot: l.discountAgorot,
      totalAgorot: l.totalAgorot,
    }));
    return { ...t, stored };
  } catch (err) {
    if (err instanceof TotalsError)
      throw new AppException(HttpStatus.BAD_REQUEST, 'invalid_input', err.message, [{ field: err.field, message: err.message }]);
    throw err;
  }
}

export function storedPayments(payments: PaymentDto[] | undefined, issueDate: string): StoredPayment[] {
  return (payments ?? []).map((p) => ({
    method: p.method,
    amountAgorot: p.amountAgorot,
    date: p.date ?? issueDate,
    chequeNumber: p.chequeNumber ?? null,
    bankNumber: p.bankNumber ?? null,
    branchNumber: p.branchNumber ?? null,
    accountNumber: p.accountNumber ?? null,
    cardBrand: p.cardBrand ?? null,
    cardLast4: p.cardLast4 ?? null,
    installments: p.installments ?? null,
    approvalNumber: p.approvalNumber ?? null,
    reference: p.reference?.trim() || null,
    description: p.description?.trim() || null,
  }));
}

export const paidTotal = (payments: StoredPayment[]) => payments.reduce((s, p) => s + p.amountAgorot, 0);

/** A receipt's payments add up to its total exactly. */
export function assertPaymentsMatch(payments: StoredPayment[], totalAgorot: number): void {
  const paid = paidTotal(payments);
  if (paid !== totalAgorot)
    throw new InvoiceRuleException(
      'payments_mismatch',
      `The payments add up to ${(paid / 100).toFixed(2)} but the document's total is ${(totalAgorot / 100).toFixed(2)}`,
      'payments',
    );
}

/** How a document changes what its customer spent: sales add, credit notes take off, a receipt paying an invoice adds nothing. */
export function spendDelta(type: InvoiceType, hasReference: boolean, totalAgorot: number): number {
  if (type === InvoiceType.creditNote) return -totalAgorot;
  if (type === InvoiceType.receipt && hasReference) return 0;
  return totalAgorot;
}
