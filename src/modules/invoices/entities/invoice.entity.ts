import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';
import { Customer } from '../../customers/entities/customer.entity';
import type { BilledToSnapshot, InvoiceType, IssuerSnapshot, StoredLine, StoredPayment } from '../invoice-types';

/** bigint columns arrive from `pg` as strings; agorot fit a JS number comfortably. */
const bigintAsNumber = { to: (v: number) => v, from: (v: string) => Number(v) };

/**
 * An issued document: numbered in its series, never edited and never deleted
 * (a database trigger refuses both; corrections are credit notes). Everything
 * printed is frozen on the row (issuer, customer, lines, payments, VAT rate),
 * so a copy rendered years later reads the same as the original, whose PDF
 * bytes are stored once under `pdfKey` with their SHA-256.
 */
@Entity('invoices')
@Index('uq_invoices_series_number', ['businessId', 'type', 'number'], { unique: true })
@Index('ix_invoices_business_date', ['businessId', 'issueDate'])
@Index('ix_invoices_business_customer', ['businessId', 'customerId'])
@Index('ix_invoices_reference', ['referenceId'])
@Index('uq_invoices_source', ['businessId', 'source'], { unique: true, where: '"source" IS NOT NULL' })
@Index('ix_invoices_search_trgm', { synchronize: false })
@Check('ck_invoices_amounts', `"subtotal_agorot" >= 0 AND "vat_agorot" >= 0 AND "subtotal_agorot" + "vat_agorot" = "total_agorot"`)
@Check('ck_invoices_number', `"number" > 0`)
export class Invoice extends TenantEntity {
  @Column('varchar', { length: 24 })
  type: InvoiceType;

  @Column('integer')
  number: number;

  /** The document date: the local calendar date of issue in the business time zone. */
  @Column('date')
  issueDate: string;

  @Column('timestamptz')
  issuedAt: Date;

  /** `he` or `en`: the language the document is printed in. */
  @Column('varchar', { length: 2 })
  locale: string;

  @Column('char', { length: 3 })
  currency: string;

  @Column('uuid')
  customerId: string;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Customer;

  /**
   * What issued it automatically (`payment:<id>`, `refund:<id>`): one document per
   * source, ever (a unique index), however often the pipeline retries.
   */
  @Column('varchar', { length: 80, nullable: true })
  source: string | null;

  /** The document this one refers to: a credit note's or a receipt's tax invoice. */
  @Column('uuid', { nullable: true })
  referenceId: string | null;

  @ManyToOne(() => Invoice, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reference_id' })
  reference?: Invoice;

  @Column('jsonb')
  issuer: IssuerSnapshot;

  @Column('jsonb')
  billedTo: BilledToSnapshot;

  @Column('jsonb')
  lines: StoredLine[];

  @Column('boolean')
  pricesIncludeVat: boolean;

  /** Basis points (1800 = 18 %); 0 for an exempt dealer and for receipts against a tax invoice. */
  @Column('integer')
  vatRateBp: number;

  @Column('boolean')
  vatShown: boolean;

  /** Before VAT. Amounts are positive for every type; a credit note's type says it is a refund. */
  @Column('bigint', { transformer: bigintAsNumber })
  subtotalAgorot: number;

  @Column('bigint', { transformer: bigintAsNumber })
  vatAgorot: number;

  @Column('bigint', { transformer: bigintAsNumber })
  totalAgorot: number;

  @Column('jsonb')
  payments: StoredPayment[];

  @Column('text', { nullable: true })
  remarks: string | null;

  /** The Tax Authority's full confirmation number (its 9 right-most digits are printed). */
  @Column('varchar', { length: 40, nullable: true })
  allocationNumber: string | null;

  @Column('varchar', { length: 300 })
  pdfKey: string;

  @Column('char', { length: 64 })
  pdfSha256: string;

  @Column('integer')
  pdfSize: number;

  /** When the original (מקור) left the business (first download or email); every later delivery is a copy. */
  @Column('timestamptz', { nullable: true })
  originalDeliveredAt: Date | null;

  /** Who issued it (the user's or API key's name). */
  @Column('varchar', { length: 160, nullable: true })
  issuedBy: string | null;

  /** Lower-cased number, customer name and tax id, for `q`. */
  @Column('text')
  searchText: string;
}
