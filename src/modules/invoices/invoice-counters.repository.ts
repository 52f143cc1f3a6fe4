import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { InvoiceCounter } from './entities/invoice-counter.entity';

@Injectable()
export class InvoiceCountersRepository extends TenantRepository<InvoiceCounter> {
  constructor(@InjectRepository(InvoiceCounter) repo: Repository<InvoiceCounter>) {
    super(repo);
  }

  /**
   * The next number of the series, taken inside the caller's transaction: the
   * counter row stays locked until it commits (the number is used) or rolls
   * back (the number is given to the next document), so there is never a gap
   * nor a duplicate. One statement: the row is created at 1 for a series'
   * first document (the column's default, so this one takes 1 and leaves 2),
   * else moved on; two first documents racing meet on the unique index, and
   * the second one waits for the first and moves it on.
   */
  async take(businessId: string, series: string): Promise<number> {
    const rows: { number: number }[] = await this.repo.query(
      `INSERT INTO invoice_counters AS c (business_id, series, next_number, issued) VALUES ($1, $2, 2, 1)
       ON CONFLICT (business_id, series) DO UPDATE SET next_number = c.next_number + 1, issued = c.issued + 1
       RETURNING c.next_number - 1 AS number`,
      [this.scoped(businessId).businessId, series],
    );
    return rows[0].number;
  }

  /** The series' counter, locked until the transaction ends (created at 1 when there is none). */
  async lockSeries(businessId: string, series: string): Promise<InvoiceCounter> {
    await this.ensure(businessId, series);
    return (await this.repo.findOne({ where: this.scoped(businessId, { series }), lock: { mode: 'pessimistic_write' } }))!;
  }

  async setNext(businessId: string, series: string, nextNumber: number): Promise<void> {
    await this.repo.update(this.scoped(businessId, { series }), { nextNumber });
  }

  /** Serialises the business's Tax Authority calls until the transaction ends (a token refresh uses up the old refresh token). */
  async lockAllocation(businessId: string): Promise<void> {
    await this.repo.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `invoices:allocation:${this.scoped(businessId).businessId}`,
    ]);
  }

  private async ensure(businessId: string, series: string): Promise<void> {
    await this.repo.query(
      `INSERT INTO invoice_counters (business_id, series) VALUES ($1, $2) ON CONFLICT (business_id, series) DO NOTHING`,
      [this.scoped(businessId).businessId, series],
    );
  }
}
