import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import { type DatedThreshold, parseThresholds, thresholdOn } from '../../infra/allocation/allocation-thresholds';
import {
  ALLOCATION_PROVIDER,
  type AllocationItem,
  type AllocationProvider,
  AllocationUnavailableError,
  ItaDocumentType,
} from '../../infra/allocation/allocation.port';
import type { AppConfig } from '../../infra/config/app-config';
import { divRound } from './invoice-totals';
import { InvoiceCountersRepository } from './invoice-counters.repository';
import { InvoiceSettingsService } from './invoice-settings.service';
import { InvoiceType, type BilledToSnapshot, type IssuerSnapshot, type StoredLine } from './invoice-types';
import { AllocationRefusedException, AllocationRequiredException, AllocationUnavailableException } from './invoices.exception';

/** What the allocation rule and request read of a document. */
export interface AllocationSubject {
  id: string;
  number: number;
  type: InvoiceType;
  issueDate: string;
  issuedAt: Date;
  issuer: IssuerSnapshot;
  billedTo: BilledToSnapshot;
  lines: StoredLine[];
  pricesIncludeVat: boolean;
  vatShown: boolean;
  vatRateBp: number;
  subtotalAgorot: number;
  vatAgorot: number;
  totalAgorot: number;
  remarks: string | null;
}

const ITA_TYPES: Partial<Record<InvoiceType, ItaDocumentType>> = {
  [InvoiceType.taxInvoice]: ItaDocumentType.taxInvoice,
  [InvoiceType.taxInvoiceReceipt]: ItaDocumentType.taxInvoiceReceipt,
};

/**
 * Israel Invoices: decides whether a document needs an allocation number
 * (a tax invoice or invoice-receipt that charges VAT, to a customer with a
 * business id, whose amount before VAT is above the threshold in force on the
 * document date) and obtains it through the configured driver.
 */
@Injectable()
export class InvoiceAllocationService {
  private readonly thresholds: DatedThreshold[];

  constructor(
    @Inject(ALLOCATION_PROVIDER) private readonly provider: AllocationProvider,
    private readonly settings: InvoiceSettingsService,
    private readonly counters: InvoiceCountersRepository,
    @Inject(ConfigService) config: AppConfig,
  ) {
    this.thresholds = parseThresholds(config.get('ALLOCATION_THRESHOLDS', { infer: true }));
  }

  /** The threshold that makes this document need a number, or null when it needs none. */
  requirement(
    d: Pick<AllocationSubject, 'type' | 'vatShown' | 'vatAgorot' | 'billedTo' | 'subtotalAgorot' | 'issueDate'>,
  ): DatedThreshold | null {
    if (!ITA_TYPES[d.type] || !d.vatShown || d.vatAgorot <= 0 || !d.billedTo.taxId) return null;
    const threshold = thresholdOn(this.thresholds, d.issueDate);
    return threshold && d.subtotalAgorot > threshold.amountAgorot ? threshold : null;
  }

  /**
   * The confirmation number for a document that needs one and has none typed
   * in, inside the issuing transaction (its number is already taken, so a
   * refusal rolls the number back). Manual driver: 422 naming the rule.
   */
  async obtain(em: EntityManager, businessId: string, d: AllocationSubject, rule: DatedThreshold): Promise<string> {
    if (!this.provider.automatic) throw new AllocationRequiredException(rule.amountAgorot, rule.from);
    await this.counters.withManager(em).lockAllocation(businessId);
    const credentials = await this.settings.credentials(businessId);
    let result;
    try {
      result = await this.provider.request(
        {
          documentId: d.id,
          documentNumber: d.number,
          documentType: ITA_TYPES[d.type]!,
          vatNumber: d.issuer.taxId,
          customerVatNumber: d.billedTo.taxId!,
          customerName: d.billedTo.name,
          documentDate: d.issueDate,
          issuedAt: d.issuedAt,
          ...amounts(d),
          vatRateBp: d.vatRateBp,
          items: allocationItems(d.lines, d.vatAgorot, d.pricesIncludeVat, d.vatRateBp),
          remarks: d.remarks,
        },
        credentials,
      );
    } catch (err) {
      if (err instanceof AllocationUnavailableError) throw new AllocationUnavailableException(err.message);
      throw err;
    }
    if (result.refreshed) await this.settings.storeCredentials(businessId, result.refreshed);
    const outcome = result.outcome;
    if (outcome.kind === 'approved') return outcome.confirmationNumber;
    if (outcome.kind === 'refused') throw new AllocationRefusedException(outcome.code, outcome.message);
    throw new AllocationRequiredException(rule.amountAgorot, rule.from);
  }
}

/** Amounts before VAT, as the Authority reads them (discounts in net terms). */
function amounts(d: AllocationSubject) {
  const discounts = d.lines.reduce((s, l) => s + toNet(l.discountAgorot, d.pricesIncludeVat, d.vatRateBp), 0);
  return {
    amountBeforeDiscountAgorot: d.subtotalAgorot + discounts,
    discountAgorot: discounts,
    netAgorot: d.subtotalAgorot,
    vatAgorot: d.vatAgorot,
    totalAgorot: d.totalAgorot,
  };
}

const toNet = (agorot: number, inclusive: boolean, rateBp: number) =>
  inclusive ? Number(divRound(BigInt(agorot) * 10_000n, 10_000n + BigInt(rateBp))) : agorot;

/**
 * The document's lines with their share of its VAT (in proportion to each
 * line's amount, largest remainders first), so the shares add up to the
 * document's VAT exactly; amounts before VAT.
 */
export function allocationItems(lines: StoredLine[], vatAgorot: number, inclusive: boolean, rateBp: number): AllocationItem[] {
  const total = lines.reduce((s, l) => s + BigInt(l.totalAgorot), 0n);
  const exact = lines.map((l) =>
    total === 0n
      ? { share: 0n, rest: 0n }
      : {
          share: (BigInt(vatAgorot) * BigInt(l.totalAgorot)) / total,
          rest: (BigInt(vatAgorot) * BigInt(l.totalAgorot)) % total,
        },
  );
  let left = BigInt(vatAgorot) - exact.reduce((s, e) => s + e.share, 0n);
  const order = exact.map((e, i) => ({ i, rest: e.rest })).sort((a, b) => (b.rest > a.rest ? 1 : b.rest < a.rest ? -1 : a.i - b.i));
  for (const { i } of order) {
    if (left <= 0n) break;
    exact[i].share += 1n;
    left -= 1n;
  }
  return lines.map((l, i) => {
    const vat = Number(exact[i].share);
    return {
      description: l.description,
      quantity: l.quantity,
      unitPriceAgorot: toNet(l.unitPriceAgorot, inclusive, rateBp),
      discountAgorot: toNet(l.discountAgorot, inclusive, rateBp),
      totalAgorot: inclusive ? l.totalAgorot - vat : l.totalAgorot,
      vatAgorot: vat,
    };
  });
}
