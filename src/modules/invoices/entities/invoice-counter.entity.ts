import { Check, Column, Entity, Index } from 'typeorm';
import { TenantEntity } from '../../../common/tenancy/tenant.entity';

/**
 * The next number of one document series of one business. Issuing takes it
 * with `INSERT … ON CONFLICT DO UPDATE SET next_number = next_number + 1` in
 * the transaction that inserts the document, so the row stays locked until that commits or rolls
 * back: numbers are consecutive, with no gap and no duplicate, whatever the
 * concurrency. `issued` > 0 means the starting number can no longer change.
 */
@Entity('invoice_counters')
@Index('uq_invoice_counters_series', ['businessId', 'series'], { unique: true })
@Check('ck_invoice_counters_next', `"next_number" > 0 AND "issued" >= 0`)
export class InvoiceCounter extends TenantEntity {
  @Column('varchar', { length: 24 })
  series: string;

  @Column('integer', { default: 1 })
  nextNumber: number;

  @Column('integer', { default: 0 })
  issued: number;
}
