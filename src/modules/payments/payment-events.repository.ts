import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TenantRepository } from '../../common/tenancy/tenant.repository';
import { PaymentEvent } from './entities/payment-event.entity';

@Injectable()
export class PaymentEventsRepository extends TenantRepository<PaymentEvent> {
  constructor(@InjectRepository(PaymentEvent) repo: Repository<PaymentEvent>) {
    super(repo);
  }

  record(businessId: string, paymentId: string, type: string, detail: Record<string, unknown> = {}): Promise<PaymentEvent> {
    return this.insert(businessId, { paymentId, type, detail });
  }

  history(businessId: string, paymentId: string): Promise<PaymentEvent[]> {
    return this.findMany(businessId, { paymentId }, { createdAt: 'ASC', id: 'ASC' });
  }
}
