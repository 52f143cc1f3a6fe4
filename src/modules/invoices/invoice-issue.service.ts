import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../common/auth/actor';
import type { DomainEventActor } from '../../common/domain-events/domain-event.map';
import { DomainEvents } from '../../common/domain-events/domain-events';
import { eventActor } from '../../common/domain-events/event-actor';
import { isUniqueViolation, pgConstraint } from '../../common/database/pg-errors';
import { ConflictAppException, NotFoundAppException } from '../../common/problem/app.exception';
import { TransactionRunner } from '../../infra/database/transaction.runner';
import { CustomersService } from '../customers/customers.service';
import { IdempotencyService, type IdempotentRequest } from '../idempotency/idempotency.service';
import type { CreateInvoiceDto, CreditInvoiceDto } from './dto/invoice-input.dto';
import type { InvoiceDto } from './dto/invoice.dto';
import { InvoiceAllocationService } from './invoice-allocation.service';
import { InvoiceCountersRepository } from './invoice-counters.repository';
import { InvoicePdfService } from './invoice-pdf.service';
import { assertPaymentsMatch, documentTypeFor, paidTotal, spendDelta, storedPayments, totalsOf } from './invoice-rules';
import { InvoiceSettingsService } from './invoice-settings.service';
import { InvoiceType, type BilledToSnapshot, type IssuerSnapshot, type StoredLine, type StoredPayment } from './invoice-types';
import { toInvoiceDto } from './invoice.mapper';
import { InvoiceRuleException } from './invoices.exception';
import { type IssuedInvoice, InvoicesRepository } from './invoices.repository';

/** A document ready to be numbered and issued. */
interface Draft {
  type: InvoiceType;
  issueDate: string;
  issuedAt: Date;
  locale: string;
  currency: string;
  customerId: string;
  issuer: IssuerSnapshot;
  billedTo: BilledToSnapshot;
  lines: StoredLine[];
  pricesIncludeVat: boolean;
  vatRateBp: number;
  vatShown: boolean;
  subtotalAgorot: number;
  vatAgorot: number;
  totalAgorot: number;
  payments: StoredPayment[];
  remarks: string | null;
  allocationNumber: string | null;
  issuedBy: string | null;
  /** The document a receipt pays or a credit note credits, checked under its row lock. */
  reference: { id: string; type: InvoiceType; number: number } | null;
  /** What issues it automatically (`payment:<id>`, `refund:<id>`): one document per source. */
  source: string | null;
}

type Answer = { body: InvoiceDto; replayed: boolean };

/** Waits for all of them (nothing is left running), then fails with the first failure, if any. */
async function settleAll(work: (Promise<unknown> | null)[]): Promise<void> {
  const results = await Promise.allSettled(work);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

const localDate = (zone: string, at: Date) => DateTime.fromJSDate(at).setZone(zone).toISODate()!;

/**
 * Issues documents. One transaction per document: the Idempotency-Key claim,
 * the referenced document's lock (a receipt or credit note never exceeds what
 * is open), the series counter (the next number, locked until commit), the
 * allocation number when the law asks for one, the PDF rendered and stored,
 * the row, and the customer's total spend. Anything failing rolls all of it
 * back, so the number goes to the next document: no gap, no duplicate.
 */
@Injectable()
export class InvoiceIssueService {
  constructor(
    private readonly invoices: InvoicesRepository,
    private readonly counters: InvoiceCountersRepository,
    private readonly settings: InvoiceSettingsService,
    private readonly allocation: InvoiceAllocationService,
    private readonly pdf: InvoicePdfService,
    private readonly customers: CustomersService,
    private readonly idempotency: IdempotencyService,
    private readonly tx: TransactionRunner,
    private readonly events: DomainEvents,
  ) {}

  async create(actor: Actor, dto: CreateInvoiceDto, key?: string): Promise<Answer> {
    const businessId = actor.businessId;
    const idem = this.idempotency.request('invoices.create', key, dto);
    const prior = await this.idempotency.replay(businessId, idem);
    if (prior) return { body: prior.body as InvoiceDto, replayed: true };
    const draft = await this.draft(businessId, dto, actor.name, null);
    return this.issue(businessId, draft, idem, eventActor(actor));
  }

  /**
   * The document for `source` (a paid payment: an invoice-receipt, or a receipt from an
   * exempt business), issued once: a repeat returns the document issued the first time,
   * also when two repeats race (the unique index on the source decides; the loser's
   * number is rolled back, so the series keeps no gap).
   */
  async issueFor(businessId: string, source: string, dto: CreateInvoiceDto, issuedBy: string): Promise<Answer> {
    const known = await this.invoices.findOne(businessId, { source });
    if (known) return { body: toInvoiceDto(known), replayed: true };
    const draft = await this.draft(businessId, dto, issuedBy, source);
    return this.onceFor(businessId, source, () => this.issue(businessId, draft, undefined, null));
  }

  /** A credit note for `source` (a refund), issued once, as `issueFor`. */
  async creditFor(businessId: string, source: string, id: string, dto: CreditInvoiceDto, issuedBy: string): Promise<Answer> {
    const known = await this.invoices.findOne(businessId, { source });
    if (known) return { body: toInvoiceDto(known), replayed: true };
    const draft = await this.creditDraft(businessId, id, dto, issuedBy, source);
    return this.onceFor(businessId, source, () => this.issue(businessId, draft, undefined, null, dto.lines === undefined));
  }

  private async onceFor(businessId: string, source: string, issue: () => Promise<Answer>): Promise<Answer> {
    try {
      return await issue();
    } catch (err) {
      if (!isUniqueViolation(err) || pgConstraint(err) !== 'uq_invoices_source') throw err;
      const known = await this.invoices.findOne(businessId, { source });
      if (!known) throw err;
      return { body: toInvoiceDto(known), replayed: true };
    }
  }

  private async draft(businessId: string, dto: CreateInvoiceDto, issuedBy: string | null, source: string | null): Promise<Draft> {
    const [ctx, customer] = await Promise.all([
      this.settings.issuingContext(businessId),
      this.customers.billingOf(businessId, dto.customerId),
    ]);
    if (!customer) throw new NotFoundAppException('customer', dto.customerId);
    const type = documentTypeFor(ctx.business.vatStatus, dto);
    const issuedAt = new Date();
    const issueDate = localDate(ctx.business.timezone, issuedAt);
    const payments = storedPayments(dto.payments, issueDate);
    let reference: Draft['reference'] = null;
    let money: Pick<Draft, 'lines' | 'pricesIncludeVat' | 'vatRateBp' | 'vatShown' | 'subtotalAgorot' | 'vatAgorot' | 'totalAgorot'>;
    if (type === InvoiceType.receipt && dto.referenceInvoiceId) {
      const ref = await this.invoices.findById(businessId, dto.referenceInvoiceId);
      if (!ref) throw new NotFoundAppException('invoice', dto.referenceInvoiceId);
      if (ref.type !== InvoiceType.taxInvoice)
        throw new InvoiceRuleException('reference_not_payable', 'A receipt pays a tax invoice (חשבונית מס)', 'referenceInvoiceId');
      reference = { id: ref.id, type: ref.type, number: ref.number };
      const paid = paidTotal(payments);
      const description = ctx.business.locale === 'en' ? `Payment for Tax Invoice ${ref.number}` : `תשלום עבור חשבונית מס ${ref.number}`;
      money = {
        lines: [{ description, quantity: '1', unitPriceAgorot: paid, discountAgorot: 0, totalAgorot: paid }],
        pricesIncludeVat: false,
        vatRateBp: 0,
        vatShown: false,
        subtotalAgorot: paid,
        vatAgorot: 0,
        totalAgorot: paid,
      };
    } else {
      const vatShown = type !== InvoiceType.receipt;
      const vatRateBp = vatShown ? ctx.vatRateBp : 0;
      const pricesIncludeVat = dto.pricesIncludeVat ?? false;
      const t = totalsOf(dto.lines, { vatRateBp, pricesIncludeVat, vatApplies: vatShown });
      money = {
        lines: t.stored,
        pricesIncludeVat,
        vatRateBp,
        vatShown,
        subtotalAgorot: t.subtotalAgorot,
        vatAgorot: t.vatAgorot,
        totalAgorot: t.totalAgorot,
      };
      if (type !== InvoiceType.taxInvoice) assertPaymentsMatch(payments, t.totalAgorot);
    }
    return {
      type,
      issueDate,
      issuedAt,
      locale: ctx.business.locale,
      currency: ctx.business.currency,
      customerId: customer.id,
      issuer: ctx.issuer,
      billedTo: {
        name: dto.customerName ?? customer.name,
        taxId: dto.customerTaxId ?? null,
        address: dto.customerAddress?.trim() || customer.address,
        phone: customer.phone,
        email: customer.email,
      },
      ...money,
      payments,
      remarks: dto.remarks?.trim() || ctx.defaultRemarks,
      allocationNumber: dto.allocationNumber ?? null,
      issuedBy,
      reference,
      source,
    };
  }

  /**
   * A credit note for a tax invoice or invoice-receipt: the whole document, or
   * the lines given (at the original's VAT rate and entry mode). What is
   * credited never exceeds what the original charged.
   */
  async credit(actor: Actor, id: string, dto: CreditInvoiceDto, key?: string): Promise<Answer> {
    const businessId = actor.businessId;
    const idem = this.idempotency.request('invoices.credit', key, { id, ...dto });
    const prior = await this.idempotency.replay(businessId, idem);
    if (prior) return { body: prior.body as InvoiceDto, replayed: true };
    const draft = await this.creditDraft(businessId, id, dto, actor.name, null);
    return this.issue(businessId, draft, idem, eventActor(actor), dto.lines === undefined);
  }

  private async creditDraft(
    businessId: string,
    id: string,
    dto: CreditInvoiceDto,
    issuedBy: string | null,
    source: string | null,
  ): Promise<Draft> {
    const original = await this.invoices.findById(businessId, id);
    if (!original) throw new NotFoundAppException('invoice', id);
    if (original.type !== InvoiceType.taxInvoice && original.type !== InvoiceType.taxInvoiceReceipt)
      throw new InvoiceRuleException('not_creditable', `Only a tax invoice or invoice-receipt is credited; this is a ${original.type}`);
    const ctx = await this.settings.issuingContext(businessId);
    const issuedAt = new Date();
    const issueDate = localDate(ctx.business.timezone, issuedAt);
    const money = dto.lines
      ? (() => {
          const t = totalsOf(dto.lines, {
            vatRateBp: original.vatRateBp,
            pricesIncludeVat: original.pricesIncludeVat,
            vatApplies: original.vatShown,
          });
          return { lines: t.stored, subtotalAgorot: t.subtotalAgorot, vatAgorot: t.vatAgorot, totalAgorot: t.totalAgorot };
        })()
      : {
          lines: original.lines,
          subtotalAgorot: original.subtotalAgorot,
          vatAgorot: original.vatAgorot,
          totalAgorot: original.totalAgorot,
        };
    const payments = storedPayments(dto.payments, issueDate);
    if (paidTotal(payments) > money.totalAgorot)
      throw new InvoiceRuleException('payments_mismatch', 'More was refunded than the credit note credits', 'payments');
    return {
      type: InvoiceType.creditNote,
      issueDate,
      issuedAt,
      locale: original.locale,
      currency: original.currency,
      customerId: original.customerId,
      issuer: ctx.issuer,
      billedTo: original.billedTo,
      ...money,
      pricesIncludeVat: original.pricesIncludeVat,
      vatRateBp: original.vatRateBp,
      vatShown: original.vatShown,
      payments,
      remarks: dto.remarks?.trim() || null,
      allocationNumber: null,
      issuedBy,
      reference: { id: original.id, type: original.type, number: original.number },
      source,
    };
  }

  private async issue(
    businessId: string,
    draft: Draft,
    idem: IdempotentRequest | undefined,
    by: DomainEventActor | null,
    whole = false,
  ): Promise<Answer> {
    const id = randomUUID();
    const logo = await this.pdf.logoOf(draft.issuer);
    const outcome = await this.tx.run(async (em): Promise<{ replay: InvoiceDto } | { row: IssuedInvoice; body: InvoiceDto }> => {
      if (idem) {
        const prior = await this.idempotency.claim(em, businessId, idem);
        if (prior) return { replay: prior.body as InvoiceDto };
      }
      const invoices = this.invoices.withManager(em);
      if (draft.reference) await this.checkOpenAmount(invoices, businessId, draft, whole);
      // From here to the commit the series' counter row is locked: what follows is kept short.
      const number = await this.counters.withManager(em).take(businessId, draft.type);
      const { reference, ...fields } = draft;
      const subject = { ...fields, id, number };
      const rule = this.allocation.requirement(subject);
      const allocationNumber = draft.allocationNumber ?? (rule ? await this.allocation.obtain(em, businessId, subject, rule) : null);
      const printable = { ...subject, allocationNumber };
      // The customer's spend does not wait for the PDF: the database runs it while the PDF renders.
      const delta = spendDelta(draft.type, reference !== null, draft.totalAgorot);
      const spend =
        delta !== 0 ? this.customers.recordSpend(businessId, draft.customerId, delta, { manager: em, at: draft.issuedAt }) : null;
      spend?.catch(() => undefined); // awaited below: a failure during the rendering is not left unhandled meanwhile
      const pdf = await this.pdf.renderOriginal(
        businessId,
        printable,
        reference && { type: reference.type, number: reference.number },
        logo,
      );
      const row: IssuedInvoice = {
        ...printable,
        businessId,
        referenceId: reference?.id ?? null,
        pdfKey: pdf.key,
        pdfSha256: pdf.sha256,
        pdfSize: pdf.size,
        originalDeliveredAt: null,
        searchText: [String(number), draft.billedTo.name, draft.billedTo.taxId ?? ''].join(' ').toLowerCase(),
      };
      // The PDF is stored (and made durable) while the row goes in; both are done before the commit, so
      // no document is ever seen without its PDF, and a failure of either rolls the number back.
      await settleAll([this.pdf.storeOriginal(pdf), invoices.insertDocument(businessId, row), spend]);
      const body = toInvoiceDto(row);
      if (idem) await this.idempotency.complete(em, businessId, idem, { status: 201, body });
      return { row, body };
    });
    if ('replay' in outcome) return { body: outcome.replay, replayed: true };
    const { row } = outcome;
    const payload = {
      businessId,
      invoiceId: row.id,
      type: row.type,
      number: row.number,
      customerId: row.customerId,
      totalAgorot: row.totalAgorot,
      currency: row.currency,
      issuedAt: row.issuedAt.toISOString(),
      by,
    };
    if (row.type === InvoiceType.creditNote && draft.reference)
      await this.events.emitAndWait('invoice.credited', {
        ...payload,
        creditedInvoiceId: draft.reference.id,
        creditedNumber: draft.reference.number,
        creditedType: draft.reference.type,
      });
    else await this.events.emitAndWait('invoice.issued', payload);
    return { body: outcome.body, replayed: false };
  }

  /** Under the referenced document's row lock: a credit note never credits more than is left, a receipt never pays more than is open. */
  private async checkOpenAmount(invoices: InvoicesRepository, businessId: string, draft: Draft, whole: boolean): Promise<void> {
    const ref = await invoices.lockById(businessId, draft.reference!.id);
    if (!ref) throw new NotFoundAppException('invoice', draft.reference!.id);
    const credited = await invoices.referencedTotal(businessId, ref.id, InvoiceType.creditNote);
    if (draft.type === InvoiceType.creditNote) {
      if (credited >= ref.totalAgorot)
        throw new ConflictAppException('invoice.already_credited', `Document ${ref.number} is already fully credited`);
      if (whole && credited > 0)
        throw new ConflictAppException(
          'invoice.partially_credited',
          `Document ${ref.number} was partly credited: send the lines to credit the rest`,
        );
      if (credited + draft.totalAgorot > ref.totalAgorot)
        throw new InvoiceRuleException(
          'credit_exceeds_original',
          `The credit (${(draft.totalAgorot / 100).toFixed(2)}) is more than is left to credit (${((ref.totalAgorot - credited) / 100).toFixed(2)})`,
          'lines',
        );
      return;
    }
    const paid = await invoices.referencedTotal(businessId, ref.id, InvoiceType.receipt);
    const open = ref.totalAgorot - credited - paid;
    if (draft.totalAgorot > open)
      throw new InvoiceRuleException(
        'exceeds_open_amount',
        `Tax invoice ${ref.number} has ${(Math.max(open, 0) / 100).toFixed(2)} left to pay; the payments are ${(draft.totalAgorot / 100).toFixed(2)}`,
        'payments',
      );
  }
}
