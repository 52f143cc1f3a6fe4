import type { GatewayPaymentDto, PaymentEventDto, PaymentRefundDto } from './dto/payment.dto';
import type { PaymentEvent } from './entities/payment-event.entity';
import type { PaymentRefund } from './entities/payment-refund.entity';
import { type Payment, PaymentStatus } from './entities/payment.entity';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toPaymentDto(p: Payment): GatewayPaymentDto {
  return {
    id: p.id,
    customerId: p.customerId,
    amount: p.amountAgorot,
    currency: p.currency,
    description: p.description,
    lines: p.lines?.map((l) => ({ description: l.description, quantity: l.quantity, unitPrice: l.unitPriceAgorot })) ?? null,
    installments: p.installments,
    provider: p.provider,
    status: p.status,
    pageUrl: p.status === PaymentStatus.pending ? p.pageUrl : null,
    refundedAmount: p.refundedAgorot,
    paidAt: iso(p.paidAt),
    expiresAt: iso(p.expiresAt),
    reviewReason: p.reviewReason,
    invoiceId: p.invoiceId,
    receiptMessageId: p.receiptMessageId,
    appointmentId: p.appointmentId,
    registrationId: p.registrationId,
    createdAt: p.createdAt.toISOString(),
  };
}

export function toEventDto(e: PaymentEvent): PaymentEventDto {
  return { type: e.type, detail: e.detail, at: e.createdAt.toISOString() };
}

export function toRefundDto(r: PaymentRefund): PaymentRefundDto {
  return {
    id: r.id,
    amount: r.amountAgorot,
    status: r.status,
    error: r.error,
    creditNoteId: r.creditNoteId,
    createdAt: r.createdAt.toISOString(),
  };
}
