import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import type { Actor } from '../../common/auth/actor';
import type { DomainEventActor } from '../../common/domain-events/domain-event.map';
import { NotFoundAppException } from '../../common/problem/app.exception';
import { exportCell } from '../../common/text/csv-cell';
import { ActivityService } from '../activity/activity.service';
import { BusinessDirectory } from '../business/business-directory.service';
import { CustomersService } from '../customers/customers.service';
import { NotificationsService } from '../notifications/notifications.service';
import { Channel, MessageKind, MessageLocale, TemplateKey, type TemplateVariables } from '../notifications/notification.types';
import type { InvoicePeriodQueryDto, InvoiceQueryDto } from './dto/invoice-query.dto';
import type { SendInvoiceDto } from './dto/invoice-input.dto';
import type { InvoiceDto, InvoiceSentDto, InvoiceSummaryDto } from './dto/invoice.dto';
import { SERIES } from './dto/invoice-settings.dto';
import type { Invoice } from './entities/invoice.entity';
import { type DocLocale, paymentText, titleOf } from './invoice-labels';
import { type DeliveredPdf, InvoicePdfService, pdfFileName } from './invoice-pdf.service';
import { InvoiceType } from './invoice-types';
import { toInvoiceDto } from './invoice.mapper';
import { InvoiceRuleException } from './invoices.exception';
import { InvoicesRepository } from './invoices.repository';

const BOM = '\uFEFF';
const CSV_OPTIONS = { record_delimiter: '\r\n', quoted_match: /[\r\n]/ } as const;
const HEADERS = {
  he: [
    'סוג מסמך',
    'מספר',
    'תאריך',
    'לקוח',
    'ח.פ / ע.מ לקוח',
    'לפני מע"מ',
    'מע"מ',
    'סה"כ',
    'שיעור מע"מ',
    'מטבע',
    'מסמך מקושר',
    'מספר הקצאה',
    'תשלומים',
    'SHA-256',
  ],
  en: [
    'Type',
    'Number',
    'Date',
    'Customer',
    'Customer tax id',
    'Before VAT',
    'VAT',
    'Total',
    'VAT rate',
    'Currency',
    'Refers to',
    'Allocation number',
    'Payments',
    'SHA-256',
  ],
};
const money = (agorot: number, sign = 1) => ((sign * agorot) / 100).toFixed(2);

/** Reading documents: one, lists, the bookkeeper's summary and CSV, the PDF (original once, then copies), and sending it by email. */
@Injectable()
export class InvoicesService {
  constructor(
    private readonly invoices: InvoicesRepository,
    private readonly pdf: InvoicePdfService,
    private readonly activity: ActivityService,
    private readonly customers: CustomersService,
    private readonly businesses: BusinessDirectory,
    private readonly notifications: NotificationsService,
  ) {}

  async get(businessId: string, id: string): Promise<InvoiceDto> {
    return toInvoiceDto(await this.require(businessId, id));
  }

  async list(businessId: string, q: InvoiceQueryDto): Promise<[InvoiceDto[], number]> {
    const [rows, total] = await this.invoices.page(
      businessId,
      { type: q.type, customerId: q.customerId, from: q.from, to: q.to, number: q.number, q: q.q?.trim() || undefined },
      q,
    );
    return [rows.map(toInvoiceDto), total];
  }

  /** The PDF for a download by the business: the stored original the first time, a copy after; each download is logged. */
  async download(actor: Actor, id: string): Promise<DeliveredPdf & { filename: string }> {
    const invoice = await this.require(actor.businessId, id);
    const delivered = await this.pdf.deliver(invoice);
    await this.logAccess({ kind: actor.kind, id: actor.id, name: actor.name }, invoice, 'invoice.downloaded', delivered.mark);
    return { ...delivered, filename: pdfFileName(invoice) };
  }

  /** Emails the document with its PDF (template invoice.issued): the original if it never left the business, else a copy. */
  async send(actor: Actor, id: string, dto: SendInvoiceDto): Promise<InvoiceSentDto> {
    const invoice = await this.require(actor.businessId, id);
    const to = dto.to ?? invoice.billedTo.email ?? (await this.customers.billingOf(actor.businessId, invoice.customerId))?.email;
    if (!to) throw new InvoiceRuleException('no_email', 'The customer has no email address: send `to`', 'to');
    const sent = await this.email(invoice, dto.to ? { to } : { customerId: invoice.customerId }, null);
    await this.logAccess({ kind: actor.kind, id: actor.id, name: actor.name }, invoice, 'invoice.sent', sent.mark, sent.to);
    return sent;
  }

  /**
   * Emails the document to its customer once, however often asked: the message is keyed
   * by the document (a repeat returns the first message). Null when the customer has no
   * email address. For the payment pipeline.
   */
  async sendOnce(
    businessId: string,
    id: string,
    template?: { key: TemplateKey; variables: TemplateVariables },
  ): Promise<InvoiceSentDto | null> {
    const invoice = await this.require(businessId, id);
    if (!invoice.billedTo.email && !(await this.customers.billingOf(businessId, invoice.customerId))?.email) return null;
    const sent = await this.email(invoice, { customerId: invoice.customerId }, `invoice:${invoice.id}`, template);
    await this.logAccess(null, invoice, 'invoice.sent', sent.mark, sent.to);
    return sent;
  }

  private async email(
    invoice: Invoice,
    recipient: { to: string } | { customerId: string },
    key: string | null,
    template?: { key: TemplateKey; variables: TemplateVariables },
  ): Promise<InvoiceSentDto> {
    const file = await this.pdf.deliverAsFile(invoice);
    const locale = invoice.locale === 'en' ? MessageLocale.en : MessageLocale.he;
    const { message } = await this.notifications.send(invoice.businessId, {
      channel: Channel.email,
      kind: MessageKind.transactional,
      ...recipient,
      ...(key ? { key } : {}),
      template: template?.key ?? TemplateKey.invoiceIssued,
      locale,
      variables: {
        'invoice.number': String(invoice.number),
        'invoice.type': titleOf(invoice.type, locale),
        'invoice.total': invoice.totalAgorot,
        'invoice.issuedAt': invoice.issuedAt.toISOString(),
        ...template?.variables,
      },
      attachments: [{ key: file.key, filename: pdfFileName(invoice), contentType: 'application/pdf' }],
    });
    return { messageId: message.id, to: message.to, mark: file.mark, status: message.status };
  }

  async summary(businessId: string, period: InvoicePeriodQueryDto): Promise<InvoiceSummaryDto> {
    const [rows, business] = await Promise.all([
      this.invoices.summary(businessId, period.from, period.to),
      this.businesses.require(businessId),
    ]);
    const byType = SERIES.map(
      (type) => rows.find((r) => r.type === type) ?? { type, count: 0, subtotalAgorot: 0, vatAgorot: 0, totalAgorot: 0 },
    );
    const of = (t: InvoiceType) => byType.find((r) => r.type === t)!;
    const tax = [of(InvoiceType.taxInvoice), of(InvoiceType.taxInvoiceReceipt)];
    const credit = of(InvoiceType.creditNote);
    // Exempt dealers' receipts are their sales; a licensed dealer's receipts pay tax invoices already counted.
    const exemptSales = business.vatStatus === 'exempt' ? of(InvoiceType.receipt).subtotalAgorot : 0;
    return {
      from: period.from,
      to: period.to,
      currency: business.currency,
      byType,
      salesAgorot: tax.reduce((s, r) => s + r.subtotalAgorot, 0) + exemptSales - credit.subtotalAgorot,
      vatAgorot: tax.reduce((s, r) => s + r.vatAgorot, 0) - credit.vatAgorot,
      receivedAgorot: of(InvoiceType.taxInvoiceReceipt).totalAgorot + of(InvoiceType.receipt).totalAgorot,
    };
  }

  /** The CSV for the accountant: UTF-8 with a BOM, CRLF, one line per document; credit notes negative. */
  async *csv(businessId: string, period: InvoicePeriodQueryDto, lang: DocLocale): AsyncGenerator<string> {
    yield BOM + stringify([HEADERS[lang]], CSV_OPTIONS);
    for await (const batch of this.invoices.streamBatches(businessId, period.from, period.to)) {
      const refs = await this.invoices.numbersOf(
        businessId,
        batch.flatMap((i) => (i.referenceId ? [i.referenceId] : [])),
      );
      yield stringify(
        batch.map((i) => this.csvRow(i, lang, refs)),
        CSV_OPTIONS,
      );
    }
  }

  private csvRow(i: Invoice, lang: DocLocale, refs: Map<string, { type: InvoiceType; number: number }>): string[] {
    const sign = i.type === InvoiceType.creditNote ? -1 : 1;
    const ref = i.referenceId ? refs.get(i.referenceId) : undefined;
    return [
      titleOf(i.type, lang),
      String(i.number),
      i.issueDate,
      exportCell(i.billedTo.name),
      i.billedTo.taxId ?? '',
      money(i.subtotalAgorot, sign),
      money(i.vatAgorot, sign),
      money(i.totalAgorot, sign),
      i.vatShown ? String(i.vatRateBp / 100) : '',
      i.currency,
      ref ? `${titleOf(ref.type, lang)} ${ref.number}` : '',
      i.allocationNumber ?? '',
      exportCell(i.payments.map((p) => `${paymentText(p, lang).replace(/\u200e/g, '')}: ${money(p.amountAgorot)}`).join('; ')),
      i.pdfSha256,
    ];
  }

  private async require(businessId: string, id: string): Promise<Invoice> {
    const invoice = await this.invoices.findById(businessId, id);
    if (!invoice) throw new NotFoundAppException('invoice', id);
    return invoice;
  }

  /** The access log: every delivery of a document's PDF, original or copy, in the activity stream (and the customer's timeline). */
  private logAccess(by: DomainEventActor | null, invoice: Invoice, action: string, mark: 'original' | 'copy', to?: string): Promise<void> {
    const what = `${titleOf(invoice.type, 'en')} ${invoice.number}`;
    return this.activity.recordEvent({
      businessId: invoice.businessId,
      by,
      action,
      entityType: 'invoice',
      entityId: invoice.id,
      customerId: invoice.customerId,
      summary: `${what}: ${mark === 'original' ? 'original (מקור)' : 'copy (העתק)'}${to ? ` emailed to ${to}` : ' downloaded'}`,
    });
  }
}
