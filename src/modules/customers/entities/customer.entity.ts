import { Check, Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';

export type CustomerLanguage = 'he' | 'en';

/** bigint columns arrive from `pg` as strings; agorot totals fit a JS number comfortably. */
const bigintAsNumber = { to: (v: number | null | undefined) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/**
 * A person the business serves. Phone (E.164) and email (lower-cased) are each
 * unique within a business when present, and at least one of them is set.
 * `searchText` is kept by the application (see customer-search.ts) and carries
 * a trigram index, so `q` finds partial Hebrew, email and phone input.
 */
@Entity('customers')
@Check('ck_customers_contact', `"email" IS NOT NULL OR "phone" IS NOT NULL`)
@Index('uq_customers_business_phone', ['businessId', 'phone'], { unique: true, where: 'phone IS NOT NULL' })
@Index('uq_customers_business_email', ['businessId', 'email'], { unique: true, where: 'email IS NOT NULL' })
@Index('ix_customers_business_created', ['businessId', 'createdAt'])
@Index('ix_customers_search_trgm', { synchronize: false })
@Index('ix_customers_tags', { synchronize: false })
@Index('ix_customers_live_newest', { synchronize: false })
export class Customer extends TenantEntity {
  @Column('varchar', { length: 100 })
  firstName: string;

  @Column('varchar', { length: 100, nullable: true })
  lastName: string | null;

  @Column('varchar', { length: 254, nullable: true })
  email: string | null;

  @Column('varchar', { length: 20, nullable: true })
  phone: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  tags: string[];

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('varchar', { length: 300, nullable: true })
  address: string | null;

  /** A calendar date, `YYYY-MM-DD`. */
  @Column('date', { nullable: true })
  birthday: string | null;

  @Column('varchar', { length: 60, default: 'manual' })
  source: string;

  @Column('varchar', { length: 2, default: 'he' })
  language: CustomerLanguage;

  @Column('boolean', { default: false })
  emailConsent: boolean;

  @Column('timestamptz', { nullable: true })
  emailConsentAt: Date | null;

  @Column('varchar', { length: 60, nullable: true })
  emailConsentSource: string | null;

  @Column('boolean', { default: false })
  smsConsent: boolean;

  @Column('timestamptz', { nullable: true })
  smsConsentAt: Date | null;

  @Column('varchar', { length: 60, nullable: true })
  smsConsentSource: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  customFields: Record<string, string | number | boolean | null>;

  @Column('timestamptz', { nullable: true })
  archivedAt: Date | null;

  /** Maintained by invoicing/payments. */
  @Column('bigint', { default: 0, transformer: bigintAsNumber })
  totalSpendAgorot: number;

  /** Maintained by appointments (`CustomersService.recordVisit`). */
  @Column('integer', { default: 0 })
  visitCount: number;

  @Column('timestamptz', { nullable: true })
  lastActivityAt: Date | null;

  /** The latest attended appointment (`recordVisit`). */
  @Column('timestamptz', { nullable: true })
  lastVisitAt: Date | null;

  /** The latest sale document (invoice or receipt) issued to the customer (`recordSpend`). */
  @Column('timestamptz', { nullable: true })
  lastPaidAt: Date | null;

  /** Lower-cased names, email and phone digits (see buildSearchText). */
  @Column('text', { default: '' })
  searchText: string;
}
