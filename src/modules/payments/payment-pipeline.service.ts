import { Injectable } from '@nestjs/common';
import { AppException } from '../../common/problem/app.exception';
import type { CreateInvoiceDto } from '../invoices/dto/invoice-input.dto';
import { InvoiceIssueService } from '../invoices/invoice-issue.service';
import { PaymentMethod } from '../invoices/invoice-types';
import { InvoicesService } from '../invoices/invoices.service';
import { TemplateKey } from '../notifications/notification.types';
import { PAID_STATUSES, type Payment } from './entities/payment.entity';
import { JobQueueService } from '../../infra/queue/job-queue.service';
import { JobName } from '../../infra/queue/job-names';
import { PaymentEventsRepository } from './payment-events.repository';
import { PaymentRefundsRepository } from './payment-refunds.repository';
import { PaymentsRepository } from './payments.repository';

const ISSUED_BY = 'ChatGrow payments';

/**
 * After `paid`: the document (invoice-receipt, or receipt from an exempt
 * business), then the email with its PDF to the customer; after a refund, its
 * credit note. Each step is a job keyed by the payment (or refund) and safe to
 * run again: one document per payment (the invoices' unique source index), one
 * email per document (the message is keyed by it). A crash anywhere leaves the
 * payment's check due, and the sweeper queues the step again.
 */
@Injectable()
export class PaymentPipelineService {
  constructor(
    private readonly payments: PaymentsRepository,
    private readonly refunds: PaymentRefundsRepository,
    private readonly events: PaymentEventsRepository,
    private readonly issue: InvoiceIssueService,
    private readonly invoices: InvoicesService,
    private readonly jobs: JobQueueService,
  ) {}

  async issueDocument(businessId: string, paymentId: string): Promise<void> {
    const payment = await this.payments.findById(businessId, paymentId);
    if (!payment || !PAID_STATUSES.has(payment.status)) return;
    if (!payment.invoiceId) {
      let issued: Awaited<ReturnType<InvoiceIssueService['issueFor']>>;
      try {
        issued = await this.issue.issueFor(businessId, `payment:${payment.id}`, documentFor(payment), ISSUED_BY);
      } catch (err) {
        // The business's settings do not allow a document yet (no tax id…): flagged with the reason; the
        // sweeper tries again on its rounds, so fixing the settings is enough. Other errors are retried.
        if (!(err instanceof AppException) || err.status >= 500) throw err;
        const reason = `no document could be issued: ${err.message}`.slice(0, 300);
        if (payment.reviewReason !== reason) {
          await this.payments.flag(businessId, payment.id, reason);
          await this.events.record(businessId, payment.id, 'document_blocked', { reason: err.message });
        }
        return;
      }
      const { body, replayed } = issued;
      if (payment.reviewReason?.startsWith('no document could be issued')) await this.payments.clearFlag(businessId, payment.id);
      await this.payments.setInvoice(businessId, payment.id, body.id);
      if (!replayed)
        await this.events.record(businessId, payment.id, 'document_issued', { invoiceId: body.id, type: body.type, number: body.number });
    }
    await this.jobs.enqueue(JobName.SendPaymentReceipt, { businessId, paymentId }, { jobId: `payment-receipt-${paymentId}` });
  }

  async sendReceipt(businessId: string, paymentId: string): Promise<void> {
    const payment = await this.payments.findById(businessId, paymentId);
    if (!payment?.invoiceId || payment.receiptMessageId) return;
    const sent = await this.invoices.sendOnce(businessId, payment.invoiceId, {
      key: TemplateKey.paymentReceipt,
      variables: {
        'payment.amount': payment.amountAgorot,
        'payment.paidAt': (payment.paidAt ?? new Date()).toISOString(),
        'payment.description': payment.description,
      },
    });
    if (!(await this.payments.setReceiptMessage(businessId, payment.id, sent?.messageId ?? null)) && sent) return; // a racing duplicate step recorded it
    await this.events.record(
      businessId,
      payment.id,
      sent ? 'receipt_sent' : 'receipt_not_sent',
      sent ? { messageId: sent.messageId, to: sent.to } : { reason: 'the customer has no email address' },
    );
  }

  /** Credit notes for the payment's succeeded refunds that have none yet (one per refund, ever). */
  async creditRefunds(businessId: string, paymentId: string): Promise<void> {
    const payment = await this.payments.findById(businessId, paymentId);
    if (!payment) return;
    const pending = await this.refunds.withoutCreditNote(businessId, paymentId);
    if (pending.length && !payment.invoiceId) throw new Error(`Payment ${paymentId} has no document yet to credit`);
    for (const refund of pending) {
      const whole = refund.amountAgorot === payment.amountAgorot;
      const { body, replayed } = await this.issue.creditFor(
        businessId,
        `refund:${refund.id}`,
        payment.invoiceId!,
        whole
          ? { payments: [{ method: PaymentMethod.creditCard, amountAgorot: refund.amountAgorot }] }
          : {
              lines: [{ description: `החזר: ${payment.description}`.slice(0, 250), quantity: 1, unitPriceAgorot: refund.amountAgorot }],
              payments: [{ method: PaymentMethod.creditCard, amountAgorot: refund.amountAgorot }],
            },
        ISSUED_BY,
      );
      await this.refunds.setCreditNote(businessId, refund.id, body.id);
      if (!replayed)
        await this.events.record(businessId, payment.id, 'credit_note_issued', {
          refundId: refund.id,
          invoiceId: body.id,
          number: body.number,
        });
    }
  }
}

/** The document's lines are the payment's (prices as paid, VAT included), paid by card in full. */
function documentFor(p: Payment): CreateInvoiceDto {
  return {
    customerId: p.customerId,
    lines: (p.lines ?? [{ description: p.description, quantity: 1, unitPriceAgorot: p.amountAgorot }]).map((l) => ({
      description: l.description,
      quantity: l.quantity,
      unitPriceAgorot: l.unitPriceAgorot,
    })),
    pricesIncludeVat: true,
    payments: [
      {
        method: PaymentMethod.creditCard,
        amountAgorot: p.amountAgorot,
        ...(p.installments > 1 ? { installments: p.installments } : {}),
        ...(p.transactionId ? { reference: p.transactionId.slice(0, 60) } : {}),
      },
    ],
  } as CreateInvoiceDto;
}
