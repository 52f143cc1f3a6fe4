import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { isUuid } from '../../common/validation/uuid';
import { Invoice } from './entities/invoice.entity';
import { InvoiceType } from './invoice-types';

export interface InvoiceFilter {
  type?: InvoiceType;
  customerId?: string;
  /** Local dates `YYYY-MM-DD`, inclusive. */
  from?: string;
  to?: string;
  number?: number;
  q?: string;
}

export interface SummaryRow {
  type: InvoiceType;
  count: number;
  subtotalAgorot: number;
  vatAgorot: number;
  totalAgorot: number;
}

/** A document as issuing inserts it (the timestamps are the database's). */
export type IssuedInvoice = Omit<Invoice, 'createdAt' | 'updatedAt' | 'business' | 'customer' | 'reference'>;

const BATCH = 1000;

@Injectable()
export class InvoicesRepository extends TenantRepository<Invoice> {
  constructor(@InjectRepository(Invoice) repo: Repository<Invoice>) {
    super(repo);
  }

  /** Inserts an issued document (the only write a document ever gets, but for `claimOriginal`). */
  async insertDocument(businessId: string, row: Omit<IssuedInvoice, 'businessId'>): Promise<void> {
    this.scoped(businessId);
    await this.repo.insert({ ...row, businessId } as never);
  }

  /**
   * Records that the original leaves the business now, if no delivery did
   * before: true for the one caller that gets the original (a conditional
   * update, so two simultaneous first downloads cannot both get it).
   */
  async claimOriginal(businessId: string, id: string, at: Date): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update(Invoice)
      .set({ originalDeliveredAt: at })
      .where('business_id = :businessId AND id = :id AND original_delivered_at IS NULL', {
        businessId: this.scoped(businessId).businessId,
        id,
      })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** What was already credited against (type credit_note) or paid toward (type receipt) a document, in agorot. */
  async referencedTotal(businessId: string, referenceId: string, type: InvoiceType): Promise<number> {
    const [row] = await this.repo.query(
      `SELECT COALESCE(SUM(total_agorot), 0)::bigint AS total FROM invoices WHERE business_id = $1 AND reference_id = $2 AND type = $3`,
      [this.scoped(businessId).businessId, referenceId, type],
    );
    return Number(row.total);
  }

  /** Numbers of the documents these ids name (for printing references in lists). */
  async numbersOf(businessId: string, ids: string[]): Promise<Map<string, { type: InvoiceType; number: number }>> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return new Map();
    const rows = await this.repo
      .createQueryBuilder('i')
      .select(['i.id', 'i.type', 'i.number'])
      .where('i.business_id = :businessId AND i.id IN (:...ids)', { businessId: this.scoped(businessId).businessId, ids: valid })
      .getMany();
    return new Map(rows.map((r) => [r.id, { type: r.type, number: r.number }]));
  }

  async page(businessId: string, f: InvoiceFilter, page: { offset: number; limit: number }): Promise<[Invoice[], number]> {
    const qb = this.filtered(businessId, f);
    return qb.orderBy('i.issued_at', 'DESC').addOrderBy('i.id', 'DESC').skip(page.offset).take(page.limit).getManyAndCount();
  }

  /** Totals per document type for documents dated in [from, to]. */
  async summary(businessId: string, from: string, to: string): Promise<SummaryRow[]> {
    const rows: { type: InvoiceType; count: string; subtotal: string; vat: string; total: string }[] = await this.repo.query(
      `SELECT type, count(*) AS count, SUM(subtotal_agorot) AS subtotal, SUM(vat_agorot) AS vat, SUM(total_agorot) AS total
         FROM invoices WHERE business_id = $1 AND issue_date BETWEEN $2 AND $3 GROUP BY type ORDER BY type`,
      [this.scoped(businessId).businessId, from, to],
    );
    return rows.map((r) => ({
      type: r.type,
      count: Number(r.count),
      subtotalAgorot: Number(r.subtotal),
      vatAgorot: Number(r.vat),
      totalAgorot: Number(r.total),
    }));
  }

  /** Documents dated in [from, to], by date and number, in batches (the export never holds them all). */
  async *streamBatches(businessId: string, from: string, to: string): AsyncGenerator<Invoice[]> {
    for (let offset = 0; ; offset += BATCH) {
      const batch = await this.filtered(businessId, { from, to })
        .orderBy('i.issue_date', 'ASC')
        .addOrderBy('i.type', 'ASC')
        .addOrderBy('i.number', 'ASC')
        .skip(offset)
        .take(BATCH)
        .getMany();
      if (batch.length) yield batch;
      if (batch.length < BATCH) return;
    }
  }

  private filtered(businessId: string, f: InvoiceFilter) {
    const qb = this.repo.createQueryBuilder('i').where('i.business_id = :businessId', { businessId: this.scoped(businessId).businessId });
    if (f.type) qb.andWhere('i.type = :type', { type: f.type });
    if (f.customerId) qb.andWhere('i.customer_id = :customerId', { customerId: f.customerId });
    if (f.from) qb.andWhere('i.issue_date >= :from', { from: f.from });
    if (f.to) qb.andWhere('i.issue_date <= :to', { to: f.to });
    if (f.number !== undefined) qb.andWhere('i.number = :number', { number: f.number });
    if (f.q) qb.andWhere(`i.search_text LIKE :q`, { q: `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    return qb;
  }
}
