import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, type FindOptionsWhere, LessThanOrEqual, MoreThanOrEqual, Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { Payment } from './entities/payment.entity';
import type { PaymentQueryDto } from './dto/payment.dto';

@Injectable()
export class PaymentsRepository extends TenantRepository<Payment> {
  constructor(@InjectRepository(Payment) repo: Repository<Payment>) {
    super(repo);
  }

  /** A page of the business's payments, newest first, by the query's filters. */
  list(businessId: string, q: PaymentQueryDto): Promise<[Payment[], number]> {
    const where: FindOptionsWhere<Payment> = {};
    if (q.status) where.status = q.status;
    if (q.customerId) where.customerId = q.customerId;
    if (q.provider) where.provider = q.provider;
    const from = q.from ? new Date(`${q.from}T00:00:00Z`) : null;
    const to = q.to ? new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000 - 1) : null;
    if (from && to) where.createdAt = Between(from, to);
    else if (from) where.createdAt = MoreThanOrEqual(from);
    else if (to) where.createdAt = LessThanOrEqual(to);
    return this.findPage(businessId, { where, order: { createdAt: 'DESC', id: 'DESC' } }, { offset: q.offset, limit: q.limit });
  }
}
